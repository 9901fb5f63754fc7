import { loadRegistry } from '../../src/features/citations/registry';
import { test, expect } from './fixtures';

test('a quotation names who said it and links the original', async ({ page }) => {
  await page.goto('/introduction/c10k/');
  const quote = page.locator('figure.quote').first();
  await expect(quote.locator('blockquote')).toHaveAttribute('cite', 'http://www.kegel.com/c10k.html');
  await expect(quote.locator('figcaption')).toHaveText('— Dan Kegel, The C10K problem[1]');
  await expect(quote.locator('figcaption cite a')).toHaveAttribute('href', 'http://www.kegel.com/c10k.html');
  await expect(page.locator('.toc a[href="#sources"]')).toHaveText('Sources');
});

test('a citation leads to the Sources page and back to the section that cites it', async ({ page }) => {
  await page.goto('/introduction/c10k/');
  await page.getByRole('link', { name: 'Source 1: The C10K problem' }).click();
  await expect(page).toHaveURL(/\/introduction\/c10k\/#source-kegel-c10k$/);
  const entry = page.locator('#source-kegel-c10k');
  await expect(entry).toBeInViewport();

  await entry.getByRole('link', { name: 'Where else it is cited' }).click();
  await expect(page).toHaveURL(/\/sources\/#kegel-c10k$/);
  await expect(page.locator('#kegel-c10k')).toHaveText('The C10K problem');
  await expect(page.locator('#kegel-c10k')).toBeInViewport();

  const card = page.locator('.source-card', { has: page.locator('#kegel-c10k') });
  await card.getByRole('link', { name: 'Background: the C10K problem › C10K' }).click();
  await expect(page).toHaveURL(/\/introduction\/c10k\/#c10k$/);
  await expect(page.getByRole('heading', { level: 2, name: 'C10K' })).toBeInViewport();
});

test('each entry of a page’s Sources list links back to where the page cites it', async ({ page }) => {
  await page.goto('/introduction/concurrency-vs-parallelism/');
  await page.getByRole('link', { name: 'Back to citation 1 of Concurrency is not parallelism' }).click();
  await expect(page).toHaveURL(/#cite-pike-concurrency-is-not-parallelism-1$/);
  // It lands on the [n] after the citing link, which is marked.
  const marker = page.locator('#cite-pike-concurrency-is-not-parallelism-1');
  await expect(marker).toBeInViewport();
  await expect(marker).toHaveText(/^\[\d+\]$/);
  await expect(page.locator('a.citation:has(+ .cite-ref :target)')).toHaveText('Concurrency is not parallelism');
});

for (const width of [375, 1280]) {
  test(`at ${width} px every ↩ lands on its own [n], below the header, even in a long quote`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    let quotations = 0;
    for (const path of ['/introduction/c10k/', '/introduction/concurrency-vs-parallelism/']) {
      await page.goto(path);
      const hrefs = await page.locator('.backref').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      // Quotations first: their [n] is at the end of the quote, far below its top.
      const quoted = await page
        .locator('figure.quote .cite-ref a')
        .evaluateAll((markers) => markers.map((marker) => `#${marker.id}`));
      quotations += quoted.length;
      for (const href of [...new Set([...quoted, ...hrefs])]) {
        await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
        await page.locator(`.backref[href="${href}"]`).click();
        const target = page.locator(':target');
        await expect(target, href).toHaveText(/^\[\d+\]$/);
        await expect(target, href).toBeInViewport();
        const box = (await target.boundingBox())!;
        const covers = await page.evaluate(() =>
          Math.max(
            ...[...document.querySelectorAll('.site-header, .toc-bar')].map((e) => e.getBoundingClientRect().bottom),
          ),
        );
        expect(box.y, `${href} below the sticky header and bar`).toBeGreaterThanOrEqual(covers);
      }
    }
    expect(quotations).toBeGreaterThan(0);
  });
}

test('a work cited more than once has one numbered ↩ per citation', async ({ page }) => {
  await page.goto('/introduction/asyncio-in-typescript/');
  const entry = page.locator('.source-list li', { hasText: 'Worker threads' });
  const backrefs = entry.locator('.backref');
  await expect(backrefs).toHaveText(['↩1', '↩2']);
  await expect(backrefs.nth(0)).toHaveAttribute('aria-label', 'Back to citation 1 of Worker threads');
  await expect(backrefs.nth(1)).toHaveAttribute('aria-label', 'Back to citation 2 of Worker threads');
  // A work cited once keeps a bare ↩.
  await expect(page.locator('.source-list li', { hasText: 'Child process' }).locator('.backref')).toHaveText(['↩']);
});

test('the Sources page lists every work, grouped by kind, with where it is cited', async ({ page }) => {
  const registry = loadRegistry('content/sources/sources.yaml');
  await page.goto('/sources/');
  await expect(page.locator('article').getByRole('heading', { level: 2 })).toHaveText([
    'Articles',
    'Essays',
    'Talks',
    'Documentation',
  ]);
  await expect(page.locator('.source-card h3')).toHaveCount(registry.sources.length);
  for (const id of ['realpython-async-io', 'kegel-c10k', 'coghlan-async-programming']) {
    await expect(page.locator(`h3#${id}`)).toHaveText(registry.byId.get(id)?.title ?? '');
  }
  for (const card of await page.locator('.source-card').all()) {
    await expect(card.locator('.source-cited-on a').first()).toBeVisible();
  }
  // Its accessibility, like every page's, is checked by the gate in a11y.spec.ts.
});

test('sources are found through the site search', async ({ page, baseURL }) => {
  await page.goto('/sources/');
  const urls = await page.evaluate(async (pagefindUrl) => {
    const pagefind = (await import(pagefindUrl)) as {
      search: (
        term: string,
        options: { filters: Record<string, string> },
      ) => Promise<{ results: { data: () => Promise<{ url: string; sub_results: { url: string }[] }> }[] }>;
    };
    const found = await pagefind.search('Kaminski', { filters: { type: 'Sources' } });
    const data = await Promise.all(found.results.map((result) => result.data()));
    return data.flatMap((page) => page.sub_results.map((sub) => sub.url));
  }, `${baseURL}pagefind/pagefind.js`);
  expect(urls).toContain('/sources/#kaminski-concurrency-vs-parallelism');
});
