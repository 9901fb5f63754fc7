import type { Locator } from '@playwright/test';
import { builtPages } from '../../src/core/built-site.ts';
import { test, expect } from './fixtures';

// The 404 page has its own test below.
const pages = builtPages('dist').filter((page) => page !== '/404.html');

test('the site has the home page and every note', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThanOrEqual(4);
});

for (const path of pages) {
  test(`${path} renders with a title and one h1`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/\S/);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('main#main')).toBeVisible();
  });
}

test('every navigation link resolves', async ({ page, request }) => {
  await page.goto('/introduction/what-is-asyncio/');
  const hrefs = await page
    .locator('header a, nav a')
    .evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).href))]);
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) {
    if (!href.startsWith('http://127.0.0.1')) continue;
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
  }
});

test('the sidebar marks the current page and prev/next follow the reading order', async ({ page }) => {
  await page.goto('/introduction/c10k/');
  await expect(page.locator('.sidebar [aria-current="page"]')).toHaveText('Background: the C10K problem');
  await expect(page.locator('a[rel="prev"]')).toContainText('What is AsyncIO');
  await expect(page.locator('a[rel="next"]')).toContainText('Parallelism vs. Concurrency');
});

test('the theme toggle says the theme in use and the choice persists across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/introduction/c10k/');
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAccessibleName('Theme: light');
  await expect(toggle.locator('.theme-state:visible')).toHaveText('Theme: light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await expect(toggle.locator('.theme-state:visible')).toHaveText('Theme: dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 17, 21)');
});

test('the theme label is right before any module script runs: no wrong label flashes', async ({ page }) => {
  test.setTimeout(90_000);
  // The page as it is before its module scripts run: only the inline theme bootstrap in <head>.
  await page.route('**/introduction/c10k/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '');
    await route.fulfill({ response, body: html });
  });
  for (const [system, stored, shown] of [
    ['light', null, 'light'],
    ['dark', null, 'dark'],
    ['light', 'dark', 'dark'],
    ['dark', 'light', 'light'],
  ] as const) {
    await page.emulateMedia({ colorScheme: system });
    await page.goto('/');
    await page.evaluate((theme) => (theme ? localStorage.setItem('theme', theme) : localStorage.clear()), stored);
    await page.goto('/introduction/c10k/');
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    await expect(page.locator('[data-theme-toggle]'), `system ${system}, stored ${stored}`).toHaveAccessibleName(
      `Theme: ${shown}`,
    );
  }
});

test('an unknown address gets the 404 page', async ({ page, consoleErrors }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  // Chromium reports the document's own 404 status as a console error; that one is expected.
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining('404')]);
});

test('no horizontal page scroll at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of pages) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('each section heading has a link to itself, shown on focus, that leaves the heading name alone', async ({
  page,
}) => {
  await page.goto('/introduction/c10k/');
  const heading = page.locator('.prose').getByRole('heading', { name: 'C10K', exact: true, level: 2 });
  await expect(heading).toHaveAttribute('id', 'c10k');
  const anchor = page.getByRole('link', { name: 'Section titled “C10K”' });
  await expect(anchor).toHaveAttribute('href', '#c10k');
  await expect(anchor).toHaveCSS('opacity', '0');
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/introduction\/c10k\/#c10k$/);
  await expect(heading).toBeInViewport();
  // The table of contents names the section as before.
  await expect(page.locator('.toc').getByRole('link', { name: 'C10K', exact: true })).toHaveCount(1);
});

test('a printed chapter is the article alone, dark on white, with link addresses and whole tables', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/introduction/concurrency-vs-parallelism/');
  // The reader chose the dark theme; paper still gets dark text on white.
  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const chrome of ['.site-header', '.sidebar', '.page-aside', '.prev-next', '.site-footer', '.table-tools']) {
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  const afterText = (link: Locator) => link.evaluate((element) => getComputedStyle(element, '::after').content);
  const listed = page.locator('.source-list a[href^="http"]').first();
  expect(await afterText(listed)).toBe(`" <${await listed.getAttribute('href')}>"`);
  // A citation in the text points to that list ([n]) instead of repeating the address.
  expect(await afterText(page.locator('.prose a.citation').first())).toBe('none');
  const fits = await page
    .locator('.prose')
    .evaluate((prose) =>
      [...prose.querySelectorAll('.comparison-table table')].map(
        (table) => table.getBoundingClientRect().right <= prose.getBoundingClientRect().right + 1,
      ),
    );
  expect(fits.length).toBeGreaterThan(0);
  expect(fits.every(Boolean)).toBe(true);
});

test.describe('outline', () => {
  const path = '/introduction/concurrency-vs-parallelism/';

  test('on a phone "On this page" is a fold above the article that opens without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    const link = outline.getByRole('link', { name: 'What each is best for' });
    await expect(link).toBeHidden();
    const fold = outline.locator('summary');
    await expect(fold).toHaveText('On this page');
    // Above the article's title, so a reader finds it before 7,000 px of text.
    const [foldBox, titleBox] = await Promise.all([fold.boundingBox(), page.locator('h1').boundingBox()]);
    expect(foldBox!.y).toBeLessThan(titleBox!.y);
    await fold.click();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.locator('#what-each-is-best-for')).toBeInViewport();
    await context.close();
  });

  test('at 1280 px it stands open beside the article, with no fold', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(outline.locator('summary')).toBeHidden();
    await expect(outline.getByRole('heading', { name: 'On this page' })).toBeVisible();
    await expect(outline.getByRole('link', { name: 'Sources' })).toBeVisible();
    const [outlineBox, articleBox] = await Promise.all([outline.boundingBox(), page.locator('article').boundingBox()]);
    expect(outlineBox!.x).toBeGreaterThan(articleBox!.x + articleBox!.width);
  });

  test('scrolling marks the section being read with aria-current', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    const current = outline.locator('a[aria-current="true"]');
    await expect(current).toHaveCount(0);
    await page.locator('#what-each-is-best-for').evaluate((heading) => heading.scrollIntoView());
    await expect(current).toHaveText('What each is best for');
    await expect(current).toHaveCount(1);
    await page.locator('#when-one-of-many-tasks-fails').evaluate((heading) => heading.scrollIntoView());
    await expect(current).toHaveText('When one of many tasks fails');
    await page.evaluate(() => scrollTo(0, 0));
    await expect(current).toHaveCount(0);
  });
});

test.describe('section pages', () => {
  test('/introduction/ lists its notes in reading order with their descriptions', async ({ page }) => {
    await page.goto('/introduction/');
    await expect(page.locator('h1')).toHaveText('AsyncIO – Introduction');
    const notes = page.locator('.section-notes > li');
    await expect(notes.getByRole('link')).toHaveText([
      'What is AsyncIO',
      'Background: the C10K problem',
      'Parallelism vs. Concurrency',
      'Processes, threads and asyncio in TypeScript',
    ]);
    await expect(notes.nth(1)).toContainText('Why serving ten thousand clients at once');
    await notes.nth(1).getByRole('link').click();
    await expect(page).toHaveURL(/\/introduction\/c10k\/$/);
  });

  test('the section name above a title, the home page and the sidebar link to it', async ({ page }) => {
    await page.goto('/introduction/c10k/');
    await page.locator('article .eyebrow').getByRole('link', { name: 'AsyncIO – Introduction' }).click();
    await expect(page).toHaveURL(/\/introduction\/$/);
    await expect(
      page.getByRole('navigation', { name: 'Guide' }).getByRole('link', { name: 'AsyncIO – Introduction' }),
    ).toHaveAttribute('href', '/introduction/');
    await page.goto('/');
    await expect(page.locator('.home-section h2').getByRole('link')).toHaveAttribute('href', '/introduction/');
  });

  test('the sitemap lists it', async ({ request }) => {
    const index = await (await request.get('/sitemap-0.xml')).text();
    expect(index).toMatch(/<loc>[^<]*\/introduction\/<\/loc>/);
  });
});
