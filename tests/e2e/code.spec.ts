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
