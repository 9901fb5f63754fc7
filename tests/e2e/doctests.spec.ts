import { readFileSync } from 'node:fs';
import { builtPages, pageFile } from '../../src/core/built-site.ts';
import type { Locator, Page } from '@playwright/test';
import { collectDoctests, judgeDoctest, type Doctest, type PrintedRun } from '../../src/features/snippets/doctest.ts';
import type { EndReason } from '../../src/features/snippets/runner/host.ts';
import { test, expect } from './fixtures';
import { checkedPages } from './checked-pages';

/**
 * Doctests run where readers run them: every snippet of the built site is run
 * by clicking its Run button, in the page's own sandbox, and what it printed
 * is compared with its ```text output block. A mismatch names the snippet's
 * file:line in its note and shows a diff. All the snippets of a page run one
 * after another in one tab, as a reader would run them; each run gets a fresh
 * sandbox (for Python a fresh interpreter), so no snippet can change what a
 * later one prints or how it ends (the last test tries).
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

/** Clicks a snippet's Run as a reader would and returns what the run printed and how it ended. */
async function runBox(tab: Page, box: Locator, language: Doctest['language']): Promise<PrintedRun> {
  // One of a "Python | TypeScript" pair is hidden: show it through its tab, as a reader would.
  if (!(await box.isVisible())) {
    const panel = await box.locator('xpath=ancestor::*[@role="tabpanel"][1]').getAttribute('id');
    await tab.locator(`[role="tab"][aria-controls="${panel}"]`).click();
  }
  await box.getByRole('button', { name: 'Run', exact: true }).click();
  const limit = language === 'python' ? PYTHON_LOAD_MS : 30_000;
  await expect(box).toHaveAttribute('data-run-result', /.+/, { timeout: limit });
  await expect(box.locator('.snippet-output')).not.toHaveAttribute('aria-busy', 'true');
  const reason = (await box.getAttribute('data-run-result')) as EndReason;
  return { reason, texts: await box.locator('.snippet-output .snippet-text').allTextContents() };
}

const doctestOf = async (box: Locator) => {
  const code = sourceOf(await box.locator('figure.code pre').first().innerText());
  return doctests.find((candidate) => sourceOf(candidate.source) === code);
};

for (const page of checkedPages(pagesWithSnippets)) {
  test(`doctests of ${page}`, async ({ page: tab }) => {
    test.setTimeout(PYTHON_LOAD_MS + 180_000);
    await tab.goto(page);
    const boxes = tab.locator('.snippet');
    const problems: string[] = [];
    for (let index = 0; index < (await boxes.count()); index++) {
      const box = boxes.nth(index);
      const doctest = await doctestOf(box);
      expect(doctest, `snippet ${index + 1} on ${page} matches no ts or python run block in content/`).toBeDefined();
      const started = Date.now();
      const run = await runBox(tab, box, doctest!.language);
      // What each doctest costs, in the test log (a page's first Python run includes loading CPython).
      console.log(`${doctest!.file}:${doctest!.line} (${doctest!.language}): ${Date.now() - started} ms`);
      const problem = judgeDoctest(doctest!, run);
      if (problem) problems.push(problem);
    }
    expect(problems.join('\n\n')).toBe('');
  });
}

test("a snippet cannot fake a later snippet's doctest: each run is judged on what its own code printed", async ({
  page: tab,
}) => {
  test.setTimeout(PYTHON_LOAD_MS + 120_000);
  await tab.goto('/introduction/what-is-asyncio/');
  const [forger, victim] = [0, 1].map((index) => tab.locator('.snippet[data-snippet-lang="python"]').nth(index));
  const doctest = await doctestOf(victim!);
  expect(doctest?.expected).toBeTruthy();
  // The first snippet replaces the harness's run function so that every later run prints the victim's
  // expected output and finishes, whatever its code; and a JavaScript timer prints into the run after it.
  const forgery = [
    'import __main__, js',
    `EXPECTED = ${JSON.stringify(doctest!.expected)}`,
    'def forged(source):',
    '    print(EXPECTED)',
    '    return 0',
    '__main__._snippet_run.__code__ = forged.__code__',
    'js.setTimeout(lambda: print("printed by the first snippet"), 1000)',
    '',
  ].join('\n');
  // The victim is broken: its honest doctest must fail.
  for (const [box, code] of [
    [forger!, forgery],
    [victim!, 'import asyncio\nasyncio.run(asyncio.sleep(1.5))\nraise ValueError("the broken snippet")\n'],
  ] as const) {
    await box.evaluate((element: HTMLElement, source) => {
      element.querySelector('figure.code pre code')!.textContent = source;
    }, code);
  }
  expect((await runBox(tab, forger!, 'python')).reason).toBe('finished');
  const run = await runBox(tab, victim!, 'python');
  expect(run.reason).toBe('failed');
  // The traceback is one block, its own frames only, ending in the error.
  expect(run.texts.at(-1)).toMatch(/^Traceback[^]*File "<snippet>", line 3[^]*\nValueError: the broken snippet$/);
  expect(run.texts).not.toContain('printed by the first snippet');
  expect(judgeDoctest(doctest!, run)).toContain('it raised an uncaught exception');
});
