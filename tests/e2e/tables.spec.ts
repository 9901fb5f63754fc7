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
  const count = page.locator('.comparison-table .table-count');
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

test('sorting by a column orders the rows and aria-sort follows', async ({ page }) => {
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
  await expect(page.locator('.comparison-table .table-count')).toHaveText('3 of 3 rows');
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
  ['Promise.allSettled', 'asyncio-primitives-asynciogather'],
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

  test('each row is a card of "column: value" pairs that keeps its table semantics', async ({ page }) => {
    for (const path of [seedPage, '/introduction/asyncio-in-typescript/']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      // Nothing scrolls sideways inside a table either.
      for (const region of await page.locator('.comparison-table .table-scroll').all()) {
        expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth), path).toBeLessThanOrEqual(0);
      }
    }
    await page.goto(seedPage);
    const card = page.locator('#concurrency-models-threads');
    const cells = card.locator('td');
    // Stacked: every value starts at the same left edge, under the row's name.
    const lefts = await cells.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    const name = await card.locator('th').boundingBox();
    expect((await cells.first().boundingBox())!.y).toBeGreaterThan(name!.y);
    // Each value is shown under its column's name, which assistive technology already reads from the header.
    const labels = await cells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    expect(labels).toEqual([
      '"Python Standard Library: " / ""',
      '"Concurrency Type: " / ""',
      '"Memory Consumption: " / ""',
      '"CPUs: " / ""',
      '"Best For: " / ""',
    ]);
    const table = page.getByRole('table', { name: 'Processes, threads and asyncio compared' });
    await expect(table.getByRole('columnheader')).toHaveCount(6);
    await expect(table.getByRole('rowheader', { name: /^Threads/ })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'preemptive multitasking' })).toBeVisible();
  });

  test('the "Sort by" buttons are one row, not a block of rows above the cards', async ({ page }) => {
    for (const path of [seedPage, '/introduction/asyncio-in-typescript/']) {
      await page.goto(path);
      for (const row of await page.locator('.comparison-table thead tr').all()) {
        const chip = (await row.locator('th').first().boundingBox())!;
        const box = (await row.boundingBox())!;
        expect(box.height, path).toBeLessThan(chip.height * 1.6);
        const tops = await row
          .locator('th')
          .evaluateAll((ths) => ths.map((th) => Math.round((th as HTMLElement).offsetTop)));
        expect(new Set(tops).size, path).toBe(1);
      }
    }
  });

  test('filter and sort work at phone width', async ({ page }) => {
    await page.goto(seedPage);
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill('many');
    await expect(page.locator('.comparison-table .table-count')).toHaveText('1 of 3 rows');
    await page.getByRole('button', { name: 'Name' }).click();
    await expect(page.locator(`${seedTable} thead th`).first()).toHaveAttribute('aria-sort', 'ascending');
  });
});

test.describe('without JavaScript at 375 px', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });

  test('the cards are complete and labelled, and no control shows', async ({ page }) => {
    await page.goto('/introduction/asyncio-in-typescript/');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const cell = page.locator('#node-counterparts-threads td').last();
    await expect(cell).toBeVisible();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Best For: " / ""');
    // The header row is there for assistive technology only: each card shows the column names.
    expect((await page.locator('#node-counterparts thead').boundingBox())!.width).toBeLessThanOrEqual(1);
    await expect(page.locator('.table-tools, .table-sort, .row-link')).toHaveCount(0);
  });
});

test('a row name never breaks inside a word, at any width', async ({ page }) => {
  for (const width of [375, 700, 1000, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/introduction/asyncio-in-typescript/');
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.comparison-table tbody th code')]
        .filter((code) => code.getClientRects().length > 1)
        .map((code) => code.textContent),
    );
    expect(broken, `${width} px`).toEqual([]);
  }
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a six-column table takes the width beside the prose and fits without clipping', async ({ page }) => {
    for (const [path, id] of [
      [seedPage, seedTable],
      ['/introduction/asyncio-in-typescript/', '#node-counterparts'],
    ] as const) {
      await page.goto(path);
      const region = page.locator(`.table-scroll:has(${id})`);
      const table = await page.locator(id).boundingBox();
      const article = await page.locator('.article').boundingBox();
      // Wider than the prose column, yet inside the window and never scrolled or clipped.
      expect(table!.width, path).toBeGreaterThan(article!.width + 100);
      expect(table!.x + table!.width, path).toBeLessThanOrEqual(1280 - 16);
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth), path).toBeLessThanOrEqual(0);
      await expect(page.locator(id).locator('xpath=ancestor::div[@data-comparison-table]')).toHaveAttribute(
        'data-fits',
        '',
      );
      // Room for a phrase per line in every value column: no cell of three words or more wraps one word per line
      // ("Parallel / on / many / CPUs" did); it takes at most about half as many lines as it has words.
      const cells = await page.locator(`${id} tbody td`).evaluateAll((tds) =>
        tds.map((td) => {
          const words = (td.textContent ?? '').trim().split(/\s+/).length;
          // The text's own box: a cell is as tall as its row, whatever its text needs.
          const range = document.createRange();
          range.selectNodeContents(td);
          const lines = Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight));
          return { text: td.textContent?.trim(), words, lines };
        }),
      );
      // Beside the outline the table has the main column, not the outline's too: a cell of code names may take
      // one line more ("child_process (fork(), spawn()) and cluster": four lines), never one per word.
      for (const cell of cells) {
        if (cell.words > 2)
          expect(cell.lines, `${path}: "${cell.text}"`).toBeLessThanOrEqual(
            Math.min(cell.words - 1, Math.ceil(cell.words / 2) + 1),
          );
      }
    }
    // The rows of the Node.js table are short again (the Processes row was 317 px tall).
    const processes = await page.locator('#node-counterparts-processes').boundingBox();
    expect(processes!.height).toBeLessThan(200);
  });

  test('a wide table stays out of the outline’s column: the outline stays in view beside it', async ({ page }) => {
    for (const path of [seedPage, '/introduction/asyncio-in-typescript/']) {
      await page.goto(path);
      const outline = page.getByRole('navigation', { name: 'On this page' });
      for (const figure of await page.locator('.comparison-table').all()) {
        await figure.evaluate((table) => {
          table.scrollIntoView({ block: 'start' });
          scrollBy(0, -150);
        });
        await expect(outline, path).toBeVisible();
        await expect(outline.getByRole('link').first(), path).toBeInViewport();
        const [table, aside] = await Promise.all([figure.boundingBox(), outline.boundingBox()]);
        expect(table!.x + table!.width, path).toBeLessThanOrEqual(aside!.x - 16);
      }
    }
  });

  test('a caption that repeats its section’s heading is not shown twice, yet still names the table', async ({
    page,
  }) => {
    await page.goto(seedPage);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Processes, threads and asyncio compared' }),
    ).toBeVisible();
    const table = page.getByRole('table', { name: 'Processes, threads and asyncio compared' });
    await expect(table).toBeVisible();
    expect((await table.locator('caption').boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.goto('/introduction/asyncio-in-typescript/');
    // Under "The three models in Node.js", this caption says more: it shows.
    await expect(page.locator('#node-counterparts caption')).toBeVisible();
    expect((await page.locator('#node-counterparts caption').boundingBox())!.height).toBeGreaterThan(10);
    await expect(page.locator('#asyncio-primitives caption')).toHaveCSS('position', 'absolute');
  });

  test('the header row of a long table stays in view below the site header', async ({ page }) => {
    await page.goto('/introduction/asyncio-in-typescript/');
    const header = page.locator('#asyncio-primitives thead th').first();
    await page.locator('#asyncio-primitives-asyncioqueue').evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await expect(header).toBeInViewport();
    const siteHeader = await page.locator('.site-header').boundingBox();
    const box = await header.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(siteHeader!.y + siteHeader!.height - 1);
    expect(box!.y).toBeLessThan(siteHeader!.y + siteHeader!.height + 8);
  });
});

test('every sort arrow sits at the end of its column header, at every width', async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of [seedPage, '/introduction/asyncio-in-typescript/']) {
      await page.goto(path);
      const gaps = await page.locator('.comparison-table thead th').evaluateAll((ths) =>
        ths.map((th) => {
          const icon = th.querySelector('.sort-icon')!.getBoundingClientRect();
          const end = th.getBoundingClientRect().right - parseFloat(getComputedStyle(th).paddingRight);
          return { header: th.textContent?.trim(), gap: Math.round(end - icon.right) };
        }),
      );
      for (const { header, gap } of gaps)
        expect(Math.abs(gap), `${width} px ${path}: ${header}`).toBeLessThanOrEqual(2);
    }
  }
});

test('a third click restores the original order, and no column changes width while sorting', async ({ page }) => {
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/introduction/asyncio-in-typescript/');
    for (const id of ['#node-counterparts', '#asyncio-primitives']) {
      const rowNames = page.locator(`${id} tbody th`);
      const original = await rowNames.allTextContents();
      const widths = () =>
        page
          .locator(`${id} thead th`)
          .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width * 2) / 2));
      const before = await widths();
      for (const [column, th] of (await page.locator(`${id} thead th`).all()).entries()) {
        const button = th.getByRole('button');
        await button.click();
        await expect(th).toHaveAttribute('aria-sort', 'ascending');
        expect(await widths(), `${id} column ${column} ascending at ${width} px`).toEqual(before);
        await button.click();
        await expect(th).toHaveAttribute('aria-sort', 'descending');
        expect(await widths(), `${id} column ${column} descending at ${width} px`).toEqual(before);
        await button.click();
        await expect(th).not.toHaveAttribute('aria-sort');
        await expect(rowNames).toHaveText(original);
      }
    }
  }
});

test('"copy link to this row" copies the row\'s address and says so, by mouse and keyboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${seedPage}?highlight=gil`);
  await expect(page.getByRole('button', { name: 'Copy link to row Threads' })).toBeVisible();
  // Located by place: its name changes to "Copied".
  const button = page.locator('#concurrency-models-threads .row-link');
  await expect(button).toHaveAccessibleName('Copy link to row Threads');
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(button).toHaveAccessibleName('Copied');
  await expect(page.locator('.comparison-table .table-tools .visually-hidden[role="status"]')).toHaveText(
    'Link to row Threads copied',
  );
  const origin = new URL(page.url()).origin;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}/introduction/concurrency-vs-parallelism/#concurrency-models-threads`,
  );
  await expect(button).toHaveAccessibleName('Copy link to row Threads', { timeout: 5000 });

  const asyncio = page.locator('#concurrency-models-asyncio .row-link');
  await expect(asyncio).toHaveAccessibleName('Copy link to row AsyncIO');
  await asyncio.focus();
  await page.keyboard.press('Enter');
  await expect(asyncio).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}/introduction/concurrency-vs-parallelism/#concurrency-models-asyncio`,
  );
});
