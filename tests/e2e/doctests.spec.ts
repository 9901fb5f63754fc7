import { readFileSync } from 'node:fs';
import { builtPages, pageFile } from '../../src/core/built-site.ts';
import { collectDoctests, judgeDoctest, type Doctest } from '../../src/features/snippets/doctest.ts';
import type { EndReason } from '../../src/features/snippets/runner/host.ts';
import { test, expect } from './fixtures';

/**
 * Doctests run where readers run them: every snippet of the built site is run
 * by clicking its Run button, in the page's own sandbox, and what it printed
 * is compared with its ```text output block. A mismatch names the snippet's
 * file:line in its note and shows a diff.
 */
const doctests = collectDoctests('content');
const sourceOf = (code: string) => code.replace(/\n+$/, '');
const pagesWithSnippets = builtPages('dist').filter((page) =>
  /data-snippet-js=|data-snippet-lang="python"/.test(readFileSync(pageFile('dist', page), 'utf8')),
);
// A Python snippet's first run on a page also loads CPython, which is slow on a busy machine.
const PYTHON_LOAD_MS = 180_000;

test('every snippet in content/ is on a built page', async () => {
  expect(doctests.length).toBeGreaterThanOrEqual(6);
  const shown = pagesWithSnippets.flatMap((page) =>
    [...readFileSync(pageFile('dist', page), 'utf8').matchAll(/class="snippet"/g)].map(() => page),
  );
  expect(shown).toHaveLength(doctests.length);
});

for (const page of pagesWithSnippets) {
  test(`doctests of ${page}`, async ({ page: tab }) => {
    test.setTimeout(PYTHON_LOAD_MS + 180_000);
    await tab.goto(page);
    const boxes = tab.locator('.snippet');
    const problems: string[] = [];
    for (let index = 0; index < (await boxes.count()); index++) {
      const box = boxes.nth(index);
      const code = sourceOf(await box.locator('figure.code pre').first().innerText());
      const doctest: Doctest | undefined = doctests.find((candidate) => sourceOf(candidate.source) === code);
      expect(doctest, `snippet ${index + 1} on ${page} matches no ts or python run block in content/`).toBeDefined();
      // One of a "Python | TypeScript" pair is hidden: show it through its tab, as a reader would.
      if (!(await box.isVisible())) {
        const panel = await box.locator('xpath=ancestor::*[@role="tabpanel"][1]').getAttribute('id');
        await tab.locator(`[role="tab"][aria-controls="${panel}"]`).click();
      }
      const started = Date.now();
      await box.getByRole('button', { name: 'Run', exact: true }).click();
      const limit = doctest!.language === 'python' ? PYTHON_LOAD_MS : 30_000;
      await expect(box).toHaveAttribute('data-run-result', /.+/, { timeout: limit });
      // What each doctest costs, in the test log (a page's first Python run includes loading CPython).
      console.log(`${doctest!.file}:${doctest!.line} (${doctest!.language}): ${Date.now() - started} ms`);
      await expect(box.locator('.snippet-output')).not.toHaveAttribute('aria-busy', 'true');
      const reason = (await box.getAttribute('data-run-result')) as EndReason;
      const texts = await box.locator('.snippet-output .snippet-text').allTextContents();
      const problem = judgeDoctest(doctest!, { reason, texts });
      if (problem) problems.push(problem);
    }
    expect(problems.join('\n\n')).toBe('');
  });
}
