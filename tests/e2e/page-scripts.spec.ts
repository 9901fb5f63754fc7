import { test, expect } from './fixtures';

/**
 * Page scripts read strings a note wrote (table ids, captions, cells) and must never turn them into markup. The build
 * refuses hand-written feature markup (the content policy's tests); this proves the enhancer itself stays safe if a
 * hostile id ever reached a page: the served HTML is rewritten before the browser sees it.
 */
const tablePage = '/introduction/concurrency-vs-parallelism/';
const hostileId = 'x"><meta http-equiv="refresh" content="0;url=/404.html"><b id="injected">';

test('a table id holding markup stays an attribute value in the enhanced table', async ({ page }) => {
  await page.route(`**${tablePage}`, async (route) => {
    const response = await route.fetch();
    const escaped = hostileId.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
    const body = (await response.text()).replace('<table id="concurrency-models"', `<table id="${escaped}"`);
    expect(body).toContain(escaped);
    await route.fulfill({ response, body });
  });
  await page.goto(tablePage);
  const filter = page.getByRole('searchbox', { name: 'Filter rows' }).first();
  await expect(filter).toHaveAttribute('id', `${hostileId}-filter`);
  await expect(filter).toHaveAttribute('aria-controls', hostileId);
  // Nothing of the id became an element, and the page did not navigate away.
  await expect(page.locator('#injected')).toHaveCount(0);
  await expect(page.locator('body meta')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(new URL(page.url()).pathname).toBe(tablePage);
});
