import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Comparison tables as a reader meets them: complete without JavaScript,
 * filterable, sortable, reachable by row anchor and by full-text search, and
 * usable on a phone.
 */

const seedPage = '/introduction/concurrency-vs-parallelism/';
const seedTable = '#concurrency-models';

function rowHeaders(page: Page) {
  return page.locator(`${seedTable} tbody th[scope="row"]`);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the seed table is complete, with caption, scopes and row anchors', async ({ page }) => {
    await page.goto(seedPage);
    const table = page.locator(seedTable);
    await expect(table.locator('caption')).toHaveText('Processes, threads and asyncio compared');
    await expect(table.locator('thead th[scope="col"]')).toHaveText([
      'Name',
      'Python Standard Library',
      'Concurrency Type',
      'Memory Consumption',
      'CPUs',
      'Best For',
    ]);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toHaveAttribute('id', 'concurrency-models-processes');
    await expect(rows.nth(1)).toHaveAttribute('id', 'concurrency-models-threads');
    await expect(rows.nth(2)).toHaveAttribute('id', 'concurrency-models-asyncio');
    await expect(rows.nth(1).locator('th, td')).toHaveText([
      'Threads',
      'threading',
      'preemptive multitasking',
      'Medium',
      '1 (because of the GIL)',
      'I/O bound',
    ]);
    await expect(table.locator('tbody td code')).toHaveText(['multiprocessing', 'threading', 'asyncio']);
    // No control appears that would do nothing without JavaScript.
    await expect(page.locator('.table-tools, .table-sort')).toHaveCount(0);
  });

  test('a row anchor still highlights its row', async ({ page }) => {
    await page.goto(`${seedPage}#concurrency-models-threads`);
    await expect(page.locator('#concurrency-models-threads')).toBeInViewport();
    const marker = await page
      .locator('#concurrency-models-threads th')
      .evaluate((cell) => getComputedStyle(cell).boxShadow);
    expect(marker).toContain('inset');
  });
});

test('the filter narrows the rows, counts them and restores them', async ({ page }) => {
  await page.goto(seedPage);
  const filter = page.getByRole('searchbox', { name: 'Filter rows' });
  const count = page.locator('.comparison-table [role="status"]');
  await expect(count).toHaveText('3 of 3 rows');
  await filter.fill('i/o bound');
  await expect(count).toHaveText('2 of 3 rows');
  await expect(page.locator(`${seedTable} tbody tr:visible th`)).toHaveText(['Threads', 'AsyncIO']);
  await filter.fill('GIL');
  await expect(count).toHaveText('1 of 3 rows');
  await expect(page.locator(`${seedTable} tbody tr:visible`)).toHaveId('concurrency-models-threads');
  await filter.fill('no such model');
  await expect(count).toHaveText('0 of 3 rows');
  await filter.fill('');
  await expect(count).toHaveText('3 of 3 rows');
  await expect(page.locator(`${seedTable} tbody tr:visible`)).toHaveCount(3);
});

test('sorting by a column toggles the order and aria-sort follows', async ({ page }) => {
  await page.goto(seedPage);
  const memory = page.locator(`${seedTable} thead th`, { hasText: 'Memory Consumption' });
  const name = page.locator(`${seedTable} thead th`, { hasText: 'Name' });
  await expect(memory).not.toHaveAttribute('aria-sort');

  await memory.getByRole('button', { name: 'Memory Consumption' }).click();
  await expect(memory).toHaveAttribute('aria-sort', 'ascending');
  await expect(rowHeaders(page)).toHaveText(['Processes', 'AsyncIO', 'Threads']);

  await memory.getByRole('button').click();
  await expect(memory).toHaveAttribute('aria-sort', 'descending');
  await expect(rowHeaders(page)).toHaveText(['Threads', 'AsyncIO', 'Processes']);

  // Keyboard: focus the Name button and press Enter; only one column is sorted at a time.
  await name.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  await expect(memory).not.toHaveAttribute('aria-sort');
  await expect(rowHeaders(page)).toHaveText(['AsyncIO', 'Processes', 'Threads']);
});

test('a row anchor highlights its row', async ({ page }) => {
  await page.goto(`${seedPage}#concurrency-models-threads`);
  const row = page.locator('#concurrency-models-threads');
  await expect(row).toBeInViewport();
  const background = (locator: typeof row) =>
    locator
      .locator('td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).backgroundColor);
  const other = page.locator('#concurrency-models-processes');
  expect(await background(row)).not.toBe(await background(other));
  expect(await row.evaluate((tr) => tr.matches(':target'))).toBe(true);
});

test('following a link to a row the filter hides clears the filter', async ({ page }) => {
  await page.goto(seedPage);
  await page.getByRole('searchbox', { name: 'Filter rows' }).fill('cooperative');
  await expect(page.locator('#concurrency-models-threads')).toBeHidden();
  await page.evaluate(() => (location.hash = '#concurrency-models-threads'));
  await expect(page.locator('#concurrency-models-threads')).toBeVisible();
  await expect(page.locator('.comparison-table [role="status"]')).toHaveText('3 of 3 rows');
});

test('only pages with a table load the table script and styles', async ({ page }) => {
  const withTable = await page.request.get(seedPage).then((response) => response.text());
  expect(withTable).toMatch(/<link rel="stylesheet" href="[^"]*comparison-table\.[^"]*\.css">/);
  expect(withTable).toContain('Intl.Collator');
  for (const path of ['/', '/introduction/c10k/', '/introduction/what-is-asyncio/']) {
    const html = await page.request.get(path).then((response) => response.text());
    expect(html, path).not.toContain('comparison-table');
    expect(html, path).not.toContain('Intl.Collator');
  }
});

interface SubResult {
  url: string;
  title: string;
}
interface PagefindApi {
  search: (
    term: string,
    options?: { filters?: Record<string, string> },
  ) => Promise<{ results: Array<{ data: () => Promise<{ url: string; sub_results: SubResult[] }> }> }>;
}

/** Every sub-result URL for a term, through Pagefind's own JS API. */
async function searchSubResults(page: Page, term: string, filters?: Record<string, string>): Promise<SubResult[]> {
  return page.evaluate(
    async ({ term, filters }) => {
      const base = document
        .querySelector('link[rel="icon"]')
        ?.getAttribute('href')
        ?.replace(/favicon\.svg$/, '');
      const pagefind = (await import(`${base}pagefind/pagefind.js`)) as PagefindApi;
      const search = await pagefind.search(term, filters ? { filters } : {});
      const pages = await Promise.all(search.results.map((result) => result.data()));
      return pages.flatMap((data) => data.sub_results.map(({ url, title }) => ({ url, title })));
    },
    { term, filters },
  );
}

for (const [term, anchor] of [
  ['preemptive multitasking', 'concurrency-models-threads'],
  ['GIL', 'concurrency-models-threads'],
  ['CPU bound', 'concurrency-models-processes'],
  ['Promise.allSettled', 'asyncio-primitives-asyncio-gather'],
] as const) {
  test(`searching "${term}" lands on the row #${anchor}`, async ({ page }) => {
    await page.goto('/');
    const subResults = await searchSubResults(page, term);
    expect(subResults.map((result) => result.url)).toContain(
      `/introduction/${anchor.startsWith('concurrency') ? 'concurrency-vs-parallelism' : 'asyncio-in-typescript'}/#${anchor}`,
    );
  });
}

test('the "Comparison tables" filter searches only pages with tables', async ({ page }) => {
  await page.goto('/');
  const onlyTables = { type: 'Comparison tables' };
  const rows = await searchSubResults(page, 'GIL', onlyTables);
  expect(rows).toContainEqual({
    url: '/introduction/concurrency-vs-parallelism/#concurrency-models-threads',
    title: 'Threads — Processes, threads and asyncio compared',
  });
  // The C10K note has no table: a word only it uses finds nothing under the filter.
  expect(await searchSubResults(page, 'C10K', onlyTables)).toEqual([]);
  expect((await searchSubResults(page, 'C10K')).length).toBeGreaterThan(0);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the page does not scroll sideways; the table scrolls in its own labelled region', async ({ page }) => {
    for (const path of [seedPage, '/introduction/asyncio-in-typescript/']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(seedPage);
    const region = page.getByRole('region', { name: 'Processes, threads and asyncio compared' });
    await expect(region).toHaveAttribute('tabindex', '0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // Keyboard scrolling moves the columns while the row headers stay put.
    const rowHeader = page.locator('#concurrency-models-threads th');
    const before = await rowHeader.boundingBox();
    await region.focus();
    const atEnd = () => region.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1);
    for (let i = 0; i < 60 && !(await atEnd()); i++) await page.keyboard.press('ArrowRight');
    expect(await atEnd()).toBe(true);
    expect((await rowHeader.boundingBox())?.x).toBe(before?.x);
    // The last column is now inside the region, to the right of the pinned row header.
    const last = await page.locator('#concurrency-models-threads td').last().boundingBox();
    const box = await region.boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(box!.x + box!.width);
    expect(last!.x).toBeGreaterThanOrEqual(before!.x + before!.width - 1);
  });

  test('filter and sort work at phone width', async ({ page }) => {
    await page.goto(seedPage);
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill('many');
    await expect(page.locator('.comparison-table [role="status"]')).toHaveText('1 of 3 rows');
    await page.getByRole('button', { name: 'Name' }).click();
    await expect(page.locator(`${seedTable} thead th`).first()).toHaveAttribute('aria-sort', 'ascending');
  });
});

for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`tables are axe-clean at ${width} px in the ${scheme} theme`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of [`${seedPage}#concurrency-models-threads`, '/introduction/asyncio-in-typescript/']) {
        await page.goto(path);
        await expect(page.locator('.table-tools').first()).toBeVisible();
        // Sorted and filtered states render too: check them, not only the initial one.
        await page.locator('.table-sort').first().click();
        const results = await new AxeBuilder({ page }).include('.comparison-table').analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
          path,
        ).toEqual([]);
      }
    });
  }
}
