import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from '../../src/core/built-site.ts';
import { test, expect } from './fixtures';

test('every page carries a Content-Security-Policy and no inline style', () => {
  const files = htmlFiles('dist').map((file) => join('dist', file));
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy, file).toContain("default-src 'self'");
    expect(policy, file).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy, file).toContain("worker-src 'self'");
    expect(policy, file).not.toContain('unsafe-inline');
    // Shiki's colours arrive as classes: a style attribute would be blocked.
    expect(html, file).not.toMatch(/\sstyle="/);
  }
});

test('highlighted code keeps its colours under the policy, in both themes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/introduction/what-is-asyncio/');
  const keyword = page.locator('figure.code pre .line > span', { hasText: /^import$/ }).first();
  await expect(keyword).toHaveCSS('color', 'rgb(207, 34, 46)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(keyword).toHaveCSS('color', 'rgb(255, 123, 114)');
});

test('the site makes no request to another origin, even while searching', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1') && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await page.goto('/introduction/c10k/');
  await page.keyboard.press('/');
  await page.keyboard.type('event loop');
  await expect(page.getByRole('dialog').getByRole('link').first()).toBeVisible();
  expect(foreign).toEqual([]);
});
