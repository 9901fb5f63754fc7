import { test, expect } from './fixtures';
import { builtPages } from '../../src/core/built-site';

const SITE = 'https://asyncio-notes.example.org';

/** The pages of the built site besides home and 404 (notes, sources), as URL paths. */
const pages = builtPages('dist').filter((page) => page !== '/' && page.endsWith('/'));

for (const path of ['/', ...pages]) {
  test(`${path} has its title, description, canonical URL and Open Graph tags`, async ({ page }) => {
    await page.goto(path);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    const title = await page.title();
    expect(title).toMatch(/Async I\/O, explained$/);
    const description = await meta('meta[name="description"]');
    expect(description?.length).toBeGreaterThan(40);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${path}`);
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE}${path}`);
    expect(await meta('meta[property="og:description"]')).toBe(description);
    expect(title.startsWith((await meta('meta[property="og:title"]')) ?? '-')).toBe(true);
    // Notes (they carry their modified time) are articles; home, section pages and the other pages are the website.
    const isNote = (await page.locator('meta[property="article:modified_time"]').count()) === 1;
    expect(isNote).toBe(/^\/introduction\/[^/]+\/$/.test(path));
    expect(await meta('meta[property="og:type"]')).toBe(isNote ? 'article' : 'website');
    expect(await meta('meta[property="og:site_name"]')).toBe('Async I/O, explained');
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  });
}

test('the 404 page asks search engines not to index it', async ({ page, consoleErrors }) => {
  await page.goto('/no-such-page/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  consoleErrors.splice(0);
});

test('robots.txt allows crawling and points to the sitemap', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toMatch(/^User-agent: \*$/m);
  expect(body).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
});

test('the sitemap lists the home page and every other page but 404', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  expect(sitemaps.length).toBeGreaterThan(0);
  const urls = (await Promise.all(sitemaps.map(async (path) => (await request.get(path)).text()))).flatMap((xml) =>
    [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => match[1]),
  );
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(urls.sort()).toEqual([`${SITE}/`, ...pages.map((path) => `${SITE}${path}`)].sort());
});

for (const path of pages) {
  test(`${path}: every heading has a stable id, and the outline lists the sections`, async ({ page }) => {
    await page.goto(path);
    const ids = await page
      .locator('main :is(h2, h3, h4, h5, h6)')
      .evaluateAll((elements) => elements.map((element) => element.id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
    if ((await page.locator('.toc').count()) === 0) return;
    const outline = await page.locator('.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const outlined = await page
      .locator('article :is(h2, h3)')
      .evaluateAll((elements) => elements.map((element) => `#${element.id}`));
    expect(outline).toEqual(outlined);
  });
}

test('the C10K section keeps its address', async ({ page }) => {
  await page.goto('/introduction/c10k/#c10k');
  await expect(page.locator('h2#c10k')).toHaveText('C10K');
  await page.goto('/introduction/concurrency-vs-parallelism/');
  await expect(page.locator('h2#processes-threads-and-asyncio-compared')).toBeVisible();
});
