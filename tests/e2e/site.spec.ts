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

test('the theme toggle offers system, then the other theme, then this one, and remembers the choice', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/introduction/c10k/');
  const toggle = page.locator('[data-theme-toggle]');
  const html = page.locator('html');
  await expect(toggle).toHaveAccessibleName('Theme: system');
  await expect(toggle.locator('.theme-state:visible')).toHaveText('Theme: system');
  await expect(html).not.toHaveAttribute('data-theme');
  // The first click always changes what the reader sees.
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await expect(toggle.locator('.theme-state:visible')).toHaveText('Theme: dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: light');
  // Back to the system: nothing stored, and the page follows the system again.
  await toggle.click();
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(toggle).toHaveAccessibleName('Theme: system');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)');
  await page.reload();
  await expect(toggle).toHaveAccessibleName('Theme: system');
  // On a dark system the first click gives light.
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
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
    ['light', null, 'system'],
    ['dark', null, 'system'],
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

test('text is set in a sans-serif that reads well where system-ui is missing, not DejaVu Sans', async ({ page }) => {
  await page.goto('/introduction/c10k/');
  const client = await page.context().newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('CSS.enable');
  const { root } = await client.send('DOM.getDocument');
  for (const selector of ['.prose p', 'h1', '.sidebar a']) {
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
    const used = fonts.map((font) => font.familyName);
    expect(used.length, selector).toBeGreaterThan(0);
    expect(used, selector).not.toContain('DejaVu Sans');
  }
});

test('the home page promises what the examples are: Python and TypeScript', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.hero-lede')).toContainText('Python and TypeScript examples you can run');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /runnable Python and TypeScript/);
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
  await page.getByRole('button', { name: 'Theme: system' }).click();
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

  test('on a phone a bar under the header opens the outline, without JavaScript, and stays in reach', async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    const link = outline.getByRole('link', { name: 'What each is best for' });
    await expect(link).toBeHidden();
    const bar = page.getByRole('button', { name: /^On this page/ });
    // Above the article's title, so a reader finds it before 7,000 px of text.
    const [barBox, titleBox] = await Promise.all([bar.boundingBox(), page.locator('h1').boundingBox()]);
    expect(barBox!.y).toBeLessThan(titleBox!.y);
    // 7,000 px on, it is still one tap away, right under the site header.
    await page.evaluate(() => scrollTo(0, 7000));
    await expect(bar).toBeInViewport();
    const header = await page.locator('.site-header').boundingBox();
    expect(Math.abs((await bar.boundingBox())!.y - header!.height)).toBeLessThan(16);
    await bar.click();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.locator('#what-each-is-best-for')).toBeInViewport();
    await context.close();
  });

  test('on a phone the bar names the section being read, and the outline marks it and closes on a pick', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(path);
    const bar = page.locator('.toc-bar-button');
    await page.locator('#what-each-is-best-for').evaluate((heading) => heading.scrollIntoView());
    await expect(bar).toHaveAccessibleName(/^On this page\s*What each is best for$/);
    // A tap where the bar is: Playwright's own click would first scroll the sticky bar's place in the page into view.
    const barBox = (await bar.boundingBox())!;
    await page.mouse.click(barBox.x + 20, barBox.y + barBox.height / 2);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(outline.locator('a[aria-current="true"]')).toHaveText('What each is best for');
    await expect(outline.locator('a[aria-current="true"]')).toBeInViewport();
    await outline.getByRole('link', { name: 'When one of many tasks fails' }).click();
    await expect(outline).toBeHidden();
    const heading = page.locator('#when-one-of-many-tasks-fails');
    await expect(heading).toBeInViewport();
    // The section lands below the header and the bar, not under them.
    const [headingBox, stuck] = await Promise.all([heading.boundingBox(), page.locator('.toc-bar').boundingBox()]);
    expect(headingBox!.y).toBeGreaterThanOrEqual(stuck!.y + stuck!.height);
    await expect(bar).toHaveAccessibleName(/^On this page\s*When one of many tasks fails$/);
  });

  test('on a phone the menu button opens the guide’s contents, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const start of [path, '/introduction/']) {
      await page.goto(start);
      const guide = page.getByRole('navigation', { name: 'Guide' });
      const link = guide.getByRole('link', { name: 'Background: the C10K problem' });
      await expect(link).toBeHidden();
      // No "Guide contents" fold above the page: on /intro/ it repeated the page's own list.
      await expect(page.locator('summary')).toHaveCount(0);
      await page.getByRole('button', { name: 'Guide contents' }).click();
      await expect(link).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(/\/introduction\/c10k\/$/);
    }
    await context.close();
  });

  test('at 1280 px it stands open beside the article, with no bar and no menu button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(page.locator('.toc-bar')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Guide contents' })).toBeHidden();
    await expect(outline.getByRole('heading', { name: 'On this page' })).toBeVisible();
    await expect(outline.getByRole('link', { name: 'Sources' })).toBeVisible();
    const [outlineBox, articleBox] = await Promise.all([outline.boundingBox(), page.locator('article').boundingBox()]);
    expect(outlineBox!.x).toBeGreaterThan(articleBox!.x + articleBox!.width);
  });

  test('/sources/ has an outline of its kinds and works, beside it at 1280 px and in the bar on a phone', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/sources/');
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(outline.getByRole('link', { name: 'Articles', exact: true })).toBeVisible();
    await expect(outline.getByRole('link', { name: 'The C10K problem' })).toHaveAttribute('href', '#kegel-c10k');
    const [outlineBox, articleBox] = await Promise.all([outline.boundingBox(), page.locator('article').boundingBox()]);
    expect(outlineBox!.x).toBeGreaterThan(articleBox!.x + articleBox!.width);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: /^On this page/ }).click();
    await outline.getByRole('link', { name: 'Documentation', exact: true }).click();
    await expect(page.locator('#kind-documentation')).toBeInViewport();
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
