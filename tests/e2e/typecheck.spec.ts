import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

const NOTE = '/introduction/concurrency-vs-parallelism/';
const TYPE_ERROR = "TypeScript: line 1, column 7: Type 'string' is not assignable to type 'number'.";

const button = (box: Locator, name: string) => box.getByRole('button', { name, exact: true });

test('editing TypeScript shows type errors before Run, a run warns first, a fix clears them', async ({ page }) => {
  const checker: string[] = [];
  page.on('request', (request) => {
    if (/typecheck-worker/.test(request.url())) checker.push(request.url());
  });
  await page.goto(NOTE);
  const box = page.getByRole('group', { name: 'Runnable example: Two tasks interleave on one thread' });
  // Intent loads the runner, not the checker: that waits for Edit.
  await button(box, 'Run').hover();
  await page.waitForLoadState('networkidle');
  expect(checker).toEqual([]);

  const started = Date.now();
  await button(box, 'Edit').click();
  const status = box.locator('.cm-typecheck-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText('TypeScript: no type errors.', { timeout: 30_000 });
  console.info(`type check: Edit → first result in ${Date.now() - started} ms`);
  expect(checker).toHaveLength(1);

  const editor = box.locator('.cm-content');
  await page.keyboard.press('ControlOrMeta+A');
  await editor.pressSequentially("const n: number = 'seven';\nconsole.log(n * 2);");
  await expect(status).toHaveText(/^TypeScript: 1 type error\. F8 goes to the next/);
  await expect(box.locator('.cm-lintRange-error')).toHaveText('n');
  // From the keyboard: the list of problems, then back to the code.
  await page.keyboard.press('ControlOrMeta+Shift+M');
  await expect(box.locator('.cm-panel-lint li')).toHaveText("Type 'string' is not assignable to type 'number'.");
  await page.keyboard.press('Escape');
  await expect(editor).toBeFocused();

  // Run: the type errors as one warning first, then what the JavaScript does.
  await button(box, 'Run').click();
  await expect(box.locator('.snippet-output .snippet-text')).toHaveText([
    `${TYPE_ERROR}\nRunning it anyway: the types are erased, and the JavaScript runs as tsc emits it.`,
    'NaN',
  ]);
  await expect(box.locator('.snippet-output .snippet-line').first()).toHaveAttribute('data-level', 'warn');
  // A note about the run, not output of it: no time stamp.
  await expect(box.locator('.snippet-output .snippet-line').first().locator('.snippet-ms')).toHaveCount(0);

  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await editor.pressSequentially('const n: number = 7;\nconsole.log(n * 2);');
  await expect(status).toHaveText('TypeScript: no type errors.');
  await expect(box.locator('.cm-lintRange-error')).toHaveCount(0);
  await button(box, 'Run').click();
  await expect(box.locator('.snippet-output .snippet-text')).toHaveText(['14']);
  expect(checker).toHaveLength(1);
});
