import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axe } from './axe';
import { runInPage } from './sandbox-helpers';

const NOTE = '/introduction/concurrency-vs-parallelism/';

const snippet = (page: Page, title: string) => page.getByRole('group', { name: `Runnable example: ${title}` });
const button = (box: Locator, name: string) => box.getByRole('button', { name, exact: true });
const outputTexts = (box: Locator) => box.locator('.snippet-output .snippet-text');

/** Opens the editor and replaces the whole snippet with `code`. */
async function editTo(page: Page, box: Locator, code: string): Promise<void> {
  await button(box, 'Edit').click();
  const editor = box.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await editor.pressSequentially(code);
}

test('without JavaScript the code and its expected output are there, the controls are not', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await expect(box.locator('pre').first()).toContainText('async function download');
  await expect(box.getByText("finished: [ 'video', 'image' ]")).toBeVisible();
  await expect(box.locator('.snippet-toolbar')).toBeHidden();
  await context.close();
});

test('only pages with a snippet load the snippet script and styles', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/introduction/asyncio-in-typescript/');
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /snippet|controller|browser-worker/i.test(url))).toEqual([]);
  await page.goto(NOTE);
  await expect(page.locator('link[rel="stylesheet"][href*="snippet"]')).toHaveCount(1);
  // The TypeScript island once (this page also has Python snippets: their own island, python.spec.ts).
  await expect(page.locator('script[src*="/_astro/Snippets."]')).toHaveCount(1);
});

test('Run streams the expected lines with elapsed milliseconds', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  const expected = (await box.locator('figure.code').last().locator('pre').innerText()).trim().split('\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(expected);
  await expect(button(box, 'Stop')).toBeDisabled();
  const times = await box.locator('.snippet-output .snippet-ms').allInnerTexts();
  expect(times).toHaveLength(expected.length);
  expect(Number.parseInt(times[0]!, 10)).toBeGreaterThanOrEqual(90);
  await expect(box.locator('.snippet-output')).toHaveAttribute('role', 'log');
  await expect(box.locator('.snippet-output')).toHaveAttribute('aria-live', 'polite');
});

test('an edited snippet with a type annotation runs with Ctrl/Cmd+Enter', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await editTo(page, box, "const answer: number = 6 * 7;\nconsole.log('answer:', answer);");
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(outputTexts(box)).toHaveText(['answer: 42']);
});

test('a transpile error is shown with its line and column', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await editTo(page, box, 'const ok: string = "x";\nconst broken = ;');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['Line 2, column 16: Unexpected token']);
});

test('a runtime error names its line and column in the snippet, past types and timeline calls', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await editTo(
    page,
    box,
    'const late = async (ms: number) => await new Promise((r) => setTimeout(r, ms));\nawait late(5); const f: any = undefined; console.log(5 as number); f();',
  );
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['5', 'Uncaught TypeError: f is not a function (line 2, column 68)']);
});

test('printed markup stays text', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened: printed markup was executed');
  });
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await editTo(page, box, 'console.log("<img src=x onerror=alert(1)>");');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['<img src=x onerror=alert(1)>']);
  await expect(box.locator('.snippet-output img')).toHaveCount(0);
});

test('Reset restores the original code', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  const original = await box.locator('figure.code pre').first().innerText();
  await editTo(page, box, 'console.log(1);');
  await expect(box.locator('figure.code').first()).toBeHidden();
  await button(box, 'Reset').click();
  await expect(box.locator('.cm-editor')).toHaveCount(0);
  await expect(box.locator('figure.code pre').first()).toBeVisible();
  expect(await box.locator('figure.code pre').first().innerText()).toBe(original);
  await expect(button(box, 'Edit')).toBeFocused();
  await button(box, 'Edit').click();
  await expect(box.locator('.cm-content')).toHaveText(original.replace(/\n$/, '').split('\n').join(''));
});

test('Stop ends a run', async ({ page }) => {
  await page.goto('/introduction/what-is-asyncio/');
  // This snippet is the TypeScript tab of a Python | TypeScript pair (tests/e2e/python.spec.ts).
  await page.getByRole('tab', { name: 'TypeScript' }).first().click();
  const box = snippet(page, 'Sequential awaits vs Promise.all');
  await button(box, 'Run').click();
  await expect(outputTexts(box).first()).toHaveText('one after another:');
  await button(box, 'Stop').click();
  await expect(outputTexts(box).last()).toHaveText('Stopped.');
  await expect(button(box, 'Stop')).toBeDisabled();
  // Nothing arrives after "Stopped." (on a busy machine the click itself can take over a second, so "a" may come first).
  const lines = await outputTexts(box).count();
  expect(lines).toBeLessThanOrEqual(3);
  await page.waitForTimeout(1200);
  await expect(outputTexts(box)).toHaveCount(lines);
  await expect(outputTexts(box).last()).toHaveText('Stopped.');
});

test('while (true) {} is stopped by the time limit and the page stays responsive', async ({ page }) => {
  test.setTimeout(40_000);
  // The page's clock, so the test need not sit through the 10 s limit: the limit's own timer fires, only sooner.
  await page.clock.install();
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await editTo(page, box, "console.log('spinning');\nwhile (true) {}");
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['spinning']);
  // The loop runs in the worker: the page's own buttons still react.
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.locator('[data-theme-toggle]').click();
  await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  await expect(outputTexts(box)).toHaveText(['spinning']);
  // Under 10 s of the page's time since the run began (a few real seconds have passed), then past them.
  await page.clock.fastForward(6_000);
  await expect(outputTexts(box)).toHaveText(['spinning']);
  await page.clock.fastForward(4_000);
  await expect(outputTexts(box).last()).toContainText('Stopped after 10 s, the time limit');
  await expect(button(box, 'Stop')).toBeDisabled();
});

test('the worker snippet runs nested workers in the page', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'CPU-bound work in parallel workers');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['one after another: [ 41538, 41538 ]', 'side by side: [ 41538, 41538 ]'], {
    timeout: 15_000,
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a page with a run and an editor holding a selection is axe-clean in the ${theme} theme`, async ({ page }) => {
    // axe visits every frame, the sandbox frame included: slow on a busy machine.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(NOTE);
    const box = snippet(page, 'Two tasks interleave on one thread');
    await button(box, 'Run').click();
    await expect(outputTexts(box)).toHaveCount(6);
    await button(box, 'Edit').click();
    await expect(box.locator('.cm-content')).toBeFocused();
    // With a selection in the editor: its colours must keep every token readable.
    await page.keyboard.press('ControlOrMeta+A');
    await expect(box.locator('.cm-selectionBackground').first()).toBeVisible();
    const results = await axe(page).include('.snippet').analyze();
    expect(
      results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} ${violation.nodes.map((node) => node.target.join(' ') + ' ' + node.failureSummary).join('; ')}`,
      ),
    ).toEqual([]);
  });
}

test('typing over a selection makes no CSP error (the fixture fails on any console error)', async ({ page }) => {
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  await button(box, 'Edit').click();
  await expect(box.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type("console.log('typed over')");
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type("console.log('again')");
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type("console.log('last')");
  await expect(box.locator('.cm-content')).toHaveText("console.log('last')");
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(outputTexts(box)).toHaveText(['last']);
});

test('a run shows that it is running, and how it ended, in a status', async ({ page }) => {
  await page.goto('/introduction/what-is-asyncio/');
  // This TypeScript snippet is paired with a Python one: show it through its tab.
  await page.getByRole('tab', { name: 'TypeScript' }).first().click();
  const box = snippet(page, 'Sequential awaits vs Promise.all');
  const status = box.getByRole('status');
  await button(box, 'Run').click();
  await expect(status).toHaveText('Running…');
  await expect(status).toHaveText('Finished.', { timeout: 20_000 });
  await button(box, 'Run').click();
  await expect(status).toHaveText('Running…');
  await button(box, 'Stop').click();
  await expect(status).toHaveText('Stopped.');
});

test('output wraps on a 375 px screen instead of scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  const long = 'Line 1, column 19: Unexpected token, and a line far longer than a phone is wide';
  expect(await runInPage(page, `console.log(${JSON.stringify(long)}); console.log('x'.repeat(200));`, box)).toEqual([
    long,
    'x'.repeat(200),
  ]);
  const panel = box.locator('.snippet-output');
  const { scroll, client } = await panel.evaluate((element) => ({
    scroll: element.scrollWidth,
    client: element.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
  for (const line of await outputTexts(box).all())
    expect(await line.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(30);
});

test('the runner, its sandbox frame and its spare worker load on intent, not with the page', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(NOTE);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
  const runner = (path: string) => /controller|browser-worker|snippet-sandbox/.test(path);
  expect(requested.filter(runner)).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
  await snippet(page, 'Two tasks interleave on one thread').hover();
  await expect(page.locator('iframe[title="Snippet sandbox"][data-ready]')).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(() => requested.filter(runner).length).toBe(3);
});

test('one run at a time in a page: Run stops the run under way, and each run keeps its own lines and Stop', async ({
  page,
}) => {
  await page.goto(NOTE);
  const slow = snippet(page, 'Two tasks interleave on one thread');
  const endless = snippet(page, 'CPU-bound work in parallel workers');
  const setCode = (box: Locator, code: string) =>
    box.evaluate((element: HTMLElement, source) => {
      element.dataset.snippetJs = source;
    }, code);
  await setCode(
    slow,
    "console.log('A started'); await new Promise((r) => setTimeout(r, 3000)); console.log('A ended');",
  );
  await setCode(endless, "console.log('B started'); setInterval(() => {}, 1000);");
  await button(slow, 'Run').click();
  await expect(outputTexts(slow)).toHaveText(['A started']);
  await button(endless, 'Run').click();
  await expect(slow).toHaveAttribute('data-run-result', 'stopped');
  await expect(outputTexts(slow)).toHaveText(['A started', 'Stopped.']);
  await expect(outputTexts(endless)).toHaveText(['B started']);
  await page.waitForTimeout(3500);
  await expect(outputTexts(slow)).toHaveText(['A started', 'Stopped.']);
  await expect(outputTexts(endless)).toHaveText(['B started']);
  await expect(button(slow, 'Stop')).toBeDisabled();
  await button(endless, 'Stop').click();
  await expect(endless).toHaveAttribute('data-run-result', 'stopped');
});

test("at 375 px Edit leaves every line where it was; the expected output says when it is the original code's", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(NOTE);
  const box = snippet(page, 'Two tasks interleave on one thread');
  const figure = box.locator('figure.code').first();
  // The reader is part-way down the code: its first lines are above the screen.
  await figure.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top + 100));
  // Where each line's text is on screen (a blank line has none): the same measure for the block's and the editor's.
  const tops = (lines: Locator) =>
    lines.evaluateAll((all) =>
      all.map((line) => {
        // The first character's box: the same font and size in both, whatever wraps the text.
        const text = document.createTreeWalker(line, NodeFilter.SHOW_TEXT).nextNode();
        if (!text?.textContent) return null;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        return range.getBoundingClientRect().top;
      }),
    );
  const heightOf = (element: Locator) => element.evaluate((e) => e.getBoundingClientRect().height);
  const before = await tops(figure.locator('pre .line'));
  const blockBefore = await heightOf(figure);
  await button(box, 'Edit').click();
  await expect(box.locator('.cm-content')).toBeFocused();
  const after = await tops(box.locator('.cm-line'));
  // The code's own box (a panel under it, such as the type checker's, is extra).
  const blockAfter = await heightOf(box.locator('.cm-scroller'));
  console.log(
    `Edit at 375 px: block ${blockBefore.toFixed(0)} → ${blockAfter.toFixed(0)} px, first line at ${before[0]!.toFixed(0)} → ${after[0]!.toFixed(0)} px`,
  );
  expect(before[0]).toBeLessThan(0);
  expect(after).toHaveLength(before.length);
  expect(after.map((top) => top === null)).toEqual(before.map((top) => top === null));
  for (const [index, top] of after.entries())
    if (top !== null) expect(Math.abs(top - before[index]!)).toBeLessThanOrEqual(2);
  expect(Math.abs(blockAfter - blockBefore)).toBeLessThanOrEqual(2);

  const label = box.locator('.snippet-expected .snippet-label');
  const says = (text: string) => expect(label).toHaveText(text, { useInnerText: true });
  await says('Expected output');
  await page.keyboard.type('/* mine */');
  await says('Expected output of the original code');
  await page.keyboard.press('ControlOrMeta+Z');
  await says('Expected output');
  await page.keyboard.type('x');
  await says('Expected output of the original code');
  await button(box, 'Reset').click();
  await says('Expected output');
});
