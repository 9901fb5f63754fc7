import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtPages } from '../../src/core/built-site.ts';
import { test, expect } from './fixtures';

/**
 * A printed chapter: no controls, no back-links, numbered lists and tables inside
 * the page. The layout is checked at the width of an A4 page less its 1.5 cm
 * margins (210 mm − 30 mm = 180 mm ≈ 680 CSS px), which is the width Chromium
 * lays a printed page out at.
 */
const A4_CONTENT_WIDTH = 680;
const notes = builtPages('dist').filter((path) => path.startsWith('/introduction/'));
/** A page of A4 holds about 50 lines of text: fewer than this on a page that is not the last is a near-empty page. */
const MIN_LINES_PER_PAGE = 15;

async function openForPrint(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
  await page.goto(path);
  // The enhancer has added its controls: print must hide them, not merely not have them yet.
  if (await page.locator('[data-comparison-table]').count())
    await expect(page.locator('.row-link').first()).toBeAttached();
  await page.emulateMedia({ media: 'print' });
}

test('the printable pages are the notes', () => {
  expect(notes).toContain('/introduction/asyncio-in-typescript/');
  expect(notes.length).toBeGreaterThanOrEqual(4);
});

for (const path of notes) {
  test(`printing ${path}: no controls or back-links, lists and tables inside the page`, async ({ page }) => {
    await openForPrint(page, path);
    const article = page.locator('.article');
    for (const control of [
      '.table-tools',
      '.sort-icon',
      '.row-link',
      '.code-copy',
      '.heading-anchor',
      '.backref',
      '.source-index-link',
      '.snippet-toolbar',
    ]) {
      for (const element of await page.locator(control).all()) await expect(element, control).toBeHidden();
    }
    // What is left of a sort button is the column's name, as plain text.
    for (const button of await article.locator('button:visible').all()) {
      await expect(button).toHaveClass(/\btable-sort\b/);
    }
    const text = await article.innerText();
    for (const word of ['Where else it is cited', '↩', '↕', 'Copy link', 'Filter rows']) {
      expect(text, word).not.toContain(word);
    }

    // Nothing wider than the page; every table whole inside it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    for (const table of await page.locator('.comparison-table table').all()) {
      const box = await table.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    }

    // Each list number (10., 11. included) fits between the page edge and its item.
    const clipped = await article.evaluate((root) =>
      [...root.querySelectorAll('ol')].flatMap((list) => {
        const item = list.querySelector('li');
        if (!item) return [];
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(item).font;
        probe.style.position = 'absolute';
        probe.textContent = `${list.children.length}. `;
        document.body.append(probe);
        const marker = probe.getBoundingClientRect().width;
        probe.remove();
        const room = item.getBoundingClientRect().left;
        return room >= marker ? [] : [`${list.className || 'ol'}: ${room} px for a ${marker} px number`];
      }),
    );
    expect(clipped).toEqual([]);
  });
}

test('the PDF of a chapter has its list numbers and no controls', async ({ page }) => {
  // pdftotext (Debian's poppler-utils) is installed by `npm test` itself (scripts/ensure-chromium.ts).
  await page.goto('/introduction/asyncio-in-typescript/');
  await expect(page.locator('.row-link').first()).toBeAttached();
  const folder = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    const pdf = join(folder, 'chapter.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/^\s*10\. AbortSignal/m);
    expect(text).toMatch(/^\s*11\. Timers/m);
    // The last column of the widest table is on the page.
    expect(text).toContain('Best For');
    for (const word of ['Where else it is cited', '↩', '↕', 'Copy link', 'Filter rows']) {
      expect(text, word).not.toContain(word);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The text of each page of the chapter's PDF, as pdftotext lays it out. */
async function printedPages(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  if (await page.locator('[data-snippet-tabs]').count())
    await expect(page.locator('[role="tablist"]').first()).toBeAttached();
  const folder = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    const pdf = join(folder, 'chapter.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    return text.split('\f').filter((sheet, index, all) => index < all.length - 1 || sheet.trim() !== '');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const squeezed = (text: string) => text.replace(/\s+/g, '');

for (const path of notes) {
  test(`the PDF of ${path} keeps every code line whole, both languages, titles with their code, no near-empty page`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const sheets = await printedPages(page, path);
    const whole = squeezed(sheets.join(''));
    // Every code block's longest line, tail included (long lines were cut at the page edge: "return_exceptions=Tr"),
    // in both halves of each "Python | TypeScript" pair (the hidden one was missing).
    const lines = await page
      .locator('figure.code pre')
      .evaluateAll((blocks) =>
        blocks.map((block) =>
          (block.textContent ?? '').split('\n').reduce((a, b) => (b.length > a.length ? b : a), ''),
        ),
      );
    for (const line of lines) expect(whole, `a code line: ${line}`).toContain(squeezed(line));
    const pairs = await page.locator('[data-snippet-tabs] .snippet-title').allTextContents();
    for (const title of pairs) expect(whole, `example "${title}"`).toContain(squeezed(title));

    // No example title at the foot of a page with its code on the next.
    const titles = new Set((await page.locator('.snippet-title').allTextContents()).map(squeezed));
    for (const [index, sheet] of sheets.slice(0, -1).entries()) {
      const last =
        sheet
          .split('\n')
          .filter((line) => line.trim() !== '')
          .at(-1) ?? '';
      expect(titles.has(squeezed(last)), `page ${index + 1} ends with the title "${last.trim()}"`).toBe(false);
    }
    // No page but the last holds only a few lines.
    for (const [index, sheet] of sheets.slice(0, -1).entries()) {
      const filled = sheet.split('\n').filter((line) => line.trim() !== '').length;
      expect(filled, `page ${index + 1} of ${sheets.length}`).toBeGreaterThanOrEqual(MIN_LINES_PER_PAGE);
    }
  });
}
