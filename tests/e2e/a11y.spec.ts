import { builtPages } from '../../src/core/built-site.ts';
import { test, expect } from './fixtures';
import { axe } from './axe';
import { checkedPages } from './checked-pages';

/**
 * The accessibility gate: axe-core (every rule it ships, best practices
 * included) over every built page, in both themes, at desktop and phone width,
 * in the page's fullest state: tables sorted with a row link copied, the
 * outline open and a section marked by scroll-spy.
 * Zero violations; a failure lists each rule with the offending elements.
 */
const pages = builtPages('dist');
const themes = ['light', 'dark'] as const;
const widths = [1280, 375] as const;

test('the accessibility gate covers the whole site', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
});

// One test per page and width, so the workers share them out; each audits the
// light theme, then switches the system theme to dark on the same page (the
// theme follows it through CSS) and audits again, which saves a page load and
// setting up the state twice. Each took 6–12 s here with the suite running;
// two audits get twice the default timeout.
for (const path of checkedPages(pages)) {
  for (const width of widths) {
    test(`axe: ${path} ${width}px, light and dark`, async ({ page, context }) => {
      test.setTimeout(60_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: themes[0] });
      await page.goto(path);
      // The page's fullest state. Comparison tables sorted, one row's link copied, a long table's header stuck:
      const table = page.locator('.comparison-table').first();
      if ((await table.count()) > 0) {
        await page.locator('.table-sort').first().click();
        await page.locator('.row-link').first().click();
        await expect(page.locator('.row-link').first()).toHaveText('Copied');
        await page
          .locator('.comparison-table tbody tr')
          .last()
          .evaluate((row) => row.scrollIntoView());
      }
      // the outline open (on a phone, from its bar) with scroll-spy marking a section.
      if ((await page.locator('.toc').count()) > 0) {
        await page
          .locator('main h2[id]')
          .last()
          .evaluate((heading) => heading.scrollIntoView());
        await expect(page.locator('.toc a[aria-current="true"]')).toHaveCount(1);
        const bar = page.locator('.toc-bar-button');
        if (await bar.isVisible()) {
          await bar.click();
          await expect(page.locator('.toc')).toBeVisible();
        }
      }
      const found: string[] = [];
      const backgrounds = new Set<string>();
      for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
        backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
        const { violations } = await axe(page).analyze();
        for (const violation of violations) {
          const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
          found.push(`${theme}: ${violation.id} (${violation.impact}): ${violation.help} — ${targets}`);
        }
      }
      expect(backgrounds.size, 'each theme audited in its own colours').toBe(themes.length);
      expect(found, `axe violations on ${path} at ${width}px`).toEqual([]);
    });
  }
}

test.describe('keyboard', () => {
  test('the first Tab reaches a visible skip link that moves focus to the content', async ({ page }) => {
    await page.goto('/introduction/c10k/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('the theme toggle is reached by Tab and switches with Enter and Space', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/introduction/c10k/');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAccessibleName('Theme: system');
    await tabUntil(page, toggle);
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAccessibleName('Theme: dark');
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAccessibleName('Theme: light');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    await expect(toggle).toHaveAccessibleName('Theme: system');
  });

  test('on a phone the menu and the outline open from the keyboard and close with Escape', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/introduction/concurrency-vs-parallelism/');
    for (const [opener, panel] of [
      [page.getByRole('button', { name: 'Guide contents' }), page.getByRole('navigation', { name: 'Guide' })],
      [page.locator('.toc-bar-button'), page.getByRole('navigation', { name: 'On this page' })],
    ] as const) {
      await tabUntil(page, opener);
      await expect(panel).toBeHidden();
      await page.keyboard.press('Enter');
      await expect(panel).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(panel.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(opener).toBeFocused();
    }
  });

  test('every sidebar link is reachable by Tab, with a visible focus ring', async ({ page }) => {
    await page.goto('/introduction/c10k/');
    const links = page.locator('.sidebar a');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index++) {
      const link = links.nth(index);
      await tabUntil(page, link);
      const ring = await link.evaluate((element) => {
        const style = getComputedStyle(element);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      });
      expect(ring, `focus ring on ${await link.textContent()}`).toBe(true);
    }
  });
});

/** Presses Tab until `target` has focus; fails if a full cycle through the page never reaches it. */
async function tabUntil(
  page: import('@playwright/test').Page,
  target: import('@playwright/test').Locator,
): Promise<void> {
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
