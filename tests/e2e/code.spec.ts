import { builtPages } from '../../src/core/built-site.ts';
import { test, expect } from './fixtures';

test('a code block’s copy button copies the code and announces it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/introduction/what-is-asyncio/');
  const figure = page.locator('figure.code').first();
  const button = figure.locator('button.code-copy');
  await expect(button).toHaveAccessibleName('Copy');
  await expect(button).toBeVisible();
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(page.locator('[data-copy-status]')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await figure.locator('pre').evaluate((pre) => pre.textContent?.replace(/\n$/, '')));
  expect(copied).toContain('asyncio.run(main())');
  await expect(button).toHaveText('Copy', { timeout: 5000 });
});

test('without JavaScript the copy button stays hidden and the code is still there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/introduction/what-is-asyncio/');
  await expect(page.locator('figure.code pre').first()).toContainText('asyncio.run(main())');
  const copyButtons = page.locator('figure.code button.code-copy');
  expect(await copyButtons.count()).toBeGreaterThan(0);
  for (const button of await copyButtons.all()) await expect(button).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
  await context.close();
});

/** Every code block whose copy button overlaps a line of code, scrolled to the start and to the end of its lines. */
function coveredLines(): string[] {
  const covered: string[] = [];
  const overlaps = (a: DOMRect, b: DOMRect) =>
    a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  for (const [index, figure] of [...document.querySelectorAll('figure.code')].entries()) {
    const button = figure.querySelector<HTMLElement>('.code-copy');
    const pre = figure.querySelector('pre');
    if (!button || button.hidden || !pre) continue;
    for (const scroll of [0, pre.scrollWidth]) {
      pre.scrollLeft = scroll;
      const box = button.getBoundingClientRect();
      for (const line of figure.querySelectorAll('pre .line')) {
        const range = document.createRange();
        range.selectNodeContents(line);
        if ([...range.getClientRects()].some((rect) => rect.width > 0 && overlaps(rect, box))) {
          covered.push(`block ${index + 1}, scrolled to ${scroll}: "${line.textContent?.slice(0, 40)}"`);
        }
      }
    }
    pre.scrollLeft = 0;
  }
  return covered;
}

for (const width of [1280, 375]) {
  test(`at ${width} px no copy button covers a line of code, on any page`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width, height: 800 });
    let blocks = 0;
    for (const path of builtPages('dist')) {
      await page.goto(path);
      // Every code block counts, the one in a Python | TypeScript tab the reader has not opened included.
      await page.evaluate(() => {
        for (const panel of document.querySelectorAll<HTMLElement>('.snippet-tabpanel[hidden]')) panel.hidden = false;
      });
      const buttons = page.locator('figure.code .code-copy');
      for (const button of await buttons.all()) await expect(button).toBeVisible();
      blocks += await buttons.count();
      expect(await page.evaluate(coveredLines), path).toEqual([]);
    }
    // The site's code blocks, snippets included, are all on the pages above.
    expect(blocks).toBeGreaterThanOrEqual(13);
  });
}
