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
  const citation = page.locator('#cite-pike-concurrency-is-not-parallelism-1');
  await expect(citation).toBeInViewport();
  await expect(citation).toHaveText('Concurrency is not parallelism');
  await expect(citation).toHaveAttribute('href', 'https://go.dev/blog/waza-talk');
});

test('the Sources page lists every work, grouped by kind, with where it is cited', async ({ page }) => {
  const registry = loadRegistry('content/sources/sources.yaml');
  await page.goto('/sources/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Articles', 'Essays', 'Talks', 'Documentation']);
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
