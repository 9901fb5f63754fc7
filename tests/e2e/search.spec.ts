import { test, expect } from './fixtures';
import { axe } from './axe';
import type { Page } from '@playwright/test';
import { EXCERPT_WORDS, HIGHLIGHT_PARAM, RANKING } from '../../src/features/search/options';
import { landing, type PagefindResultData } from '../../src/features/search/landing';
import { isMeaningful } from '../../src/features/search/words';
import { expectedLandings, withoutHighlight } from './search-queries';

/** Every request the page made, as URL paths. */
function requestLog(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const dialog = (page: Page) => page.getByRole('dialog');
const searchInput = (page: Page) => dialog(page).getByRole('searchbox');

test('nothing of Pagefind loads before the first open; searching "C10K" lands on its section, the term marked', async ({
  page,
}) => {
  const requests = requestLog(page);
  await page.goto('/introduction/what-is-asyncio/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
  const button = page.getByRole('button', { name: 'Search' });
  await button.click();
  await expect(searchInput(page)).toBeFocused();
  expect(requests).toContain('/pagefind/pagefind-modular-ui.js');
  await searchInput(page).pressSequentially('C10K', { delay: 30 });
  const results = dialog(page).getByRole('link');
  // The page result and its section (sub-result) both appear, with excerpts.
  await expect(dialog(page).getByRole('link', { name: 'Background: the C10K problem' })).toBeVisible();
  // A sub-result: the matching section heading, linked to its anchor.
  const section = dialog(page).getByRole('link', { name: /^#?\s*C10K$/ });
  await expect(section).toBeVisible();
  await expect(dialog(page).locator('mark').first()).toHaveText(/c10k/i);
  expect(await results.count()).toBeGreaterThanOrEqual(2);
  await expect(section).toHaveAttribute('href', /\/introduction\/c10k\/\?highlight=c10k#c10k$/i);
  // A named dialog with a visible way out, whose polite live region tells how many results there are.
  await expect(dialog(page)).toHaveAccessibleName('Search');
  await expect(dialog(page).getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(dialog(page).getByRole('status')).toHaveText(/^\d+ results? for C10K$/);
  // axe with the dialog open and its results shown, in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const { violations } = await axe(page).analyze();
    const found = violations.map(({ id, nodes }) => `${theme}: ${id}: ${nodes.map((node) => node.target).join(', ')}`);
    expect(found, 'axe violations with search open').toEqual([]);
  }

  // Enter on a result follows it.
  await section.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/introduction\/c10k\/\?highlight=c10k#c10k$/i);
  await expect(page.locator('h2#c10k')).toBeInViewport();
  const marks = page.locator('article mark.pagefind-highlight');
  await expect(marks.first()).toHaveText(/C10K/);
  // Only the article is marked, never the navigation around it.
  await expect(page.locator('nav mark, header mark')).toHaveCount(0);
});

test('keyboard: "/" and Ctrl+K open the search, Escape closes it and focus returns', async ({ page }) => {
  await page.goto('/');
  // The button is named by its visible text and tells its shortcuts.
  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toHaveAttribute('aria-keyshortcuts', /Control\+K/);
  await expect(button).toContainText('Search');
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  // The slash opened the dialog; it was not typed into the field.
  await expect(searchInput(page)).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await button.focus();
  await page.keyboard.press('Control+k');
  await expect(searchInput(page)).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.type('parallelism');
  // The arrow keys move between the result links, and back up to the field.
  const links = dialog(page).locator('.search-results a');
  await expect(links.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(searchInput(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('letters typed right after "/" reach the search field while it loads; a slash typed there stays', async ({
  page,
}) => {
  await page.goto('/introduction/what-is-asyncio/');
  await page.keyboard.press('/');
  await page.keyboard.type('C10K');
  await expect(searchInput(page)).toHaveValue('C10K');
  await expect(dialog(page).getByRole('link', { name: 'Background: the C10K problem' })).toBeVisible();
  await searchInput(page).pressSequentially(' a/b');
  await expect(searchInput(page)).toHaveValue('C10K a/b');
});

test('identifiers with dots and underscores are found as typed', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await searchInput(page).pressSequentially('asyncio.run');
  await expect(dialog(page).getByRole('link', { name: 'What is AsyncIO' })).toBeVisible();
  await searchInput(page).fill('asyncio.gather');
  await expect(dialog(page).getByText(/\d+ results? for asyncio\.gather/)).toBeVisible();
  await expect(
    dialog(page)
      .locator('mark', { hasText: /^asyncio\.gather/ })
      .first(),
  ).toBeVisible();
  await searchInput(page).fill('worker_threads');
  await expect(
    dialog(page)
      .locator('mark', { hasText: /^worker_threads/ })
      .first(),
  ).toBeVisible();
});

test('when search cannot load, the reader is told so, and Escape dismisses the message', async ({
  page,
  consoleErrors,
}) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto('/introduction/c10k/');
  const status = page.getByRole('banner').getByRole('status');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(status).toHaveText('Search could not load. Check your connection, then try again.');
  await expect(status).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(status).toHaveText('');
  // The next attempt loads the search once the connection is back.
  await page.unroute('**/pagefind/**');
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  // One dialog: the failed attempt left nothing behind.
  await expect(page.locator('[data-search-dialog]')).toHaveCount(1);
  // The blocked requests are the only errors the page may log: the browser reports each one.
  const blocked = 'Failed to load resource: net::ERR_FAILED';
  expect(consoleErrors).toContain(blocked);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => error !== blocked));
});

const LANDINGS = expectedLandings();

test('every query of search-queries.yaml lands first where it should (Pagefind JS API)', async ({ page }) => {
  await page.goto('/');
  const firsts = await page.evaluate(
    async ({ queries, excerptLength, highlightParam, ranking }) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      // The dialog's options: its links carry the searched words, from which the landing is chosen.
      await pagefind.options({ excerptLength, highlightParam, ranking });
      const found: (PagefindResultData | null)[] = [];
      for (const query of queries) {
        const search = await pagefind.search(query);
        found.push(search.results[0] ? await search.results[0].data() : null);
      }
      return found;
    },
    {
      queries: LANDINGS.map((entry) => entry.query),
      excerptLength: EXCERPT_WORDS,
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
    },
  );
  const landed = LANDINGS.map((entry, index) => {
    const first = firsts[index];
    const opens = first ? (landing(first) ?? first) : undefined;
    return {
      query: entry.query,
      lands: opens ? withoutHighlight(opens.url) : 'no result',
      // The words the reader sees marked where the result leads.
      shows: [...(opens?.excerpt ?? '').matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]!.toLowerCase()),
    };
  });
  expect(landed.map(({ query, lands }) => ({ query, lands }))).toEqual(
    LANDINGS.map(({ query, lands }) => ({ query, lands })),
  );
  for (const [index, entry] of LANDINGS.entries()) {
    expect(landed[index]!.shows.join(' '), `excerpt for "${entry.query}"`).toContain(entry.shows.toLowerCase());
  }
});

for (const entry of LANDINGS) {
  test(`the search dialog: "${entry.query}" opens first at ${entry.lands}, its excerpt showing "${entry.shows}"`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/');
    await page.keyboard.press('/');
    await searchInput(page).fill(entry.query);
    const first = dialog(page).locator('.search-result').first();
    const link = first.locator('.search-result-link');
    // The first search loads Pagefind's index and WebAssembly: slow on a busy machine.
    await expect(link).toHaveAttribute('href', /./, { timeout: 20_000 });
    expect(withoutHighlight((await link.getAttribute('href'))!)).toBe(entry.lands);
    // A card never repeats an excerpt word for word (the page's and its part's were often the same).
    const excerpts = await first.locator('.search-excerpt').allTextContents();
    expect(new Set(excerpts).size, 'an excerpt repeated in one card').toBe(excerpts.length);
    // Excerpts mark the searched words, not each short or stop word Pagefind matched ("a", "as", "at").
    const excerptMarks = await first.locator('.search-excerpt mark').allTextContents();
    expect(
      excerptMarks.filter((text) => !isMeaningful(text)),
      'marked stop words in the excerpts',
    ).toEqual([]);
    // The matched word is in view inside its excerpt, not clipped past its end.
    const excerpt = first.locator('.search-excerpt').filter({
      has: page.locator('mark', { hasText: new RegExp(entry.shows.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') }),
    });
    const mark = excerpt.first().locator('mark').first();
    const [markBox, excerptBox] = await Promise.all([mark.boundingBox(), excerpt.first().boundingBox()]);
    expect(markBox && excerptBox).toBeTruthy();
    expect(markBox!.x + markBox!.width).toBeLessThanOrEqual(excerptBox!.x + excerptBox!.width + 1);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(excerptBox!.y + excerptBox!.height + 1);

    await link.click();
    await expect.poll(() => withoutHighlight(page.url())).toBe(entry.lands);
    const anchor = new URL(entry.lands, 'http://site.invalid').hash.slice(1);
    if (anchor) await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport({ timeout: 15_000 });

    // The landing page marks the searched words from their start, and only the meaningful ones.
    const marks = page.locator('article mark.pagefind-highlight');
    await expect(marks.first()).toBeAttached({ timeout: 15_000 });
    const marked = await marks.evaluateAll((elements) =>
      elements.map((mark) => ({
        text: mark.textContent ?? '',
        before: mark.previousSibling?.textContent?.slice(-1) ?? '',
      })),
    );
    expect(
      marked.filter(({ before }) => /[\p{L}\p{N}]/u.test(before)),
      'marks inside a word',
    ).toEqual([]);
    expect(
      marked.map(({ text }) => text).filter((text) => !isMeaningful(text)),
      'marked stop words',
    ).toEqual([]);
    expect(marked.length, `marks for "${entry.query}"`).toBeLessThanOrEqual(entry.marks);
  });
}

test('reopening search selects the previous query, so typing replaces it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await searchInput(page).fill('gil');
  await expect(dialog(page).locator('.search-result-link').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  await expect(searchInput(page)).toHaveValue('gil');
  expect(
    await searchInput(page).evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]),
  ).toEqual([0, 3]);
  await page.keyboard.type('epoll');
  await expect(searchInput(page)).toHaveValue('epoll');
  await expect(dialog(page).locator('.search-result-link').first()).toHaveAttribute('href', /highlight=epoll(#|$)/);

  // "/" pressed right after Escape, before the dialog's close event has run, still opens search.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  await expect(searchInput(page)).toHaveValue('epoll');
});

test('closing search gives focus back at once, so "/" right after Escape reopens it even when nothing had focus', async ({
  page,
}) => {
  await page.goto('/');
  // Nothing has focus: "/" pressed while reading.
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  // Where focus is the moment the dialog closes, before any rendering step or event.
  await page.evaluate(() => {
    const close = HTMLDialogElement.prototype.close;
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement, ...args: [string?]) {
      close.apply(this, args);
      HTMLDialogElement.prototype.close = close;
      const active = document.activeElement;
      const at = active?.hasAttribute('data-search-open')
        ? 'the search button'
        : this.contains(active)
          ? 'inside the closed dialog'
          : active?.tagName;
      Object.assign(window, { focusAtClose: at });
    };
  });
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { focusAtClose: string }).focusAtClose)).toBe(
    'the search button',
  );
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
});

test('a dialog whose close event comes late, as on a busy machine, still reopens on "/" and stays open', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  // Hold the dialog's close event back, as a loaded machine can, until the test lets it through.
  await page.evaluate(() => {
    addEventListener(
      'close',
      (event) => {
        const closing = event.target;
        if (!(closing instanceof HTMLDialogElement)) return;
        event.stopImmediatePropagation();
        // `once`: the event sent again is not held back a second time.
        Object.assign(window, { releaseClose: () => closing.dispatchEvent(new Event('close')) });
      },
      { capture: true, once: true },
    );
  });
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.keyboard.press('/');
  // Longer than any fixed wait for the event would be: the reader pressed "/" well before it came.
  await page.waitForTimeout(1000);
  await page.evaluate(() => (window as unknown as { releaseClose: () => void }).releaseClose());
  // Once the late event has run, search is open, focused and said to be open.
  await expect(dialog(page)).toBeVisible();
  await expect(searchInput(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Search' })).toHaveAttribute('aria-expanded', 'true');
});

test('Escape returns focus to where it was: the focused link, or the search button when nothing had focus', async ({
  page,
}) => {
  await page.goto('/introduction/c10k/');
  const sidebarLink = page.getByRole('navigation', { name: 'Guide' }).getByRole('link').first();
  await sidebarLink.focus();
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sidebarLink).toBeFocused();

  // Reading with nothing focused, then "/": focus must not fall back to <body>.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(searchInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();
});
