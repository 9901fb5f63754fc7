/**
 * GitHub Pages serves a project site under /<repository>/. This builds the
 * site the way the deploy workflow does (SITE_BASE) in a throwaway copy of the
 * project and checks, in Chromium, that every link and asset stays under the
 * base path and resolves, and that search works there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { isolatedProject, runBin } from '../helpers/isolated-project';
import { startPreview, type Preview } from '../../scripts/lib/chromium';
import { builtPages } from '../../src/core/built-site';

const BASE = '/asyncio-notes/';

test.describe.configure({ mode: 'serial' });

let project: ReturnType<typeof isolatedProject>;
let server: Preview | undefined;
let origin = '';
let size = '';
let pages: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(360_000);
  project = isolatedProject('content');
  // A note that links to another note and to a heading the way CONTRIBUTING.md says to: by site path.
  writeFileSync(
    join(project.root, 'content/notes/cross-links.mdx'),
    [
      '---',
      'title: Cross-links',
      'description: A page that links to another note and to one of its headings by site path.',
      'section: Fixtures',
      'order: 99',
      'updated: 2026-11-25',
      '---',
      '',
      'Read [the C10K problem](/introduction/c10k/#c10k) or [the first note](/introduction/what-is-asyncio/).',
      '',
    ].join('\n'),
  );
  const env = { SITE_BASE: BASE, SITE_URL: 'https://example.github.io' };
  const build = await runBin(project.root, 'astro', ['build'], env);
  if (build.code !== 0) throw new Error(`astro build failed under ${BASE}:\n${build.output}`);
  pages = builtPages(join(project.root, 'dist'))
    .filter((page) => page !== '/404.html')
    .map((page) => BASE + page.slice(1));
  size = (await runBin(project.root, 'node', ['scripts/size.ts'], env)).output;
  server = await startPreview({ cwd: project.root, env, base: BASE });
  origin = server.origin;
});

test.afterAll(async () => {
  await server?.stop();
  project?.dispose();
});

test('npm run size measures the base-path build and finds it within every budget', () => {
  expect(size).toContain('Every page, island and chunk is within its budget.');
  expect(size).toMatch(
    /\| snippets +\| snippet runner: controller \+ sandbox worker .*\| _astro\/controller\.[\w-]+\.js/,
  );
  expect(size).toMatch(/\| tables +\| table enhancer script \(with the page\) +\| [\d.]+ kB/);
});

test('the base-path build has the home page and every note', () => {
  expect(pages).toContain(BASE);
  expect(pages.length).toBeGreaterThanOrEqual(4);
});

test('every page loads its assets and links only under the base path, and they resolve', async ({ page, request }) => {
  // Every page and every asset once: on a busy machine that takes longer than one page's test.
  test.setTimeout(120_000);
  const failed: string[] = [];
  const targets = new Set<string>();
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (req) => {
    // Leaving a page cancels what it was still fetching (the snippet runner's
    // spare worker, say); such a request is checked below like every other asset.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') targets.add(req.url());
    else failed.push(`failed ${req.url()}: ${req.failure()?.errorText ?? 'unknown error'}`);
  });
  for (const path of pages) {
    await page.goto(origin + path);
    await expect(page.locator('h1')).toHaveCount(1);
    const urls = await page
      .locator('[href], [src]')
      .evaluateAll((elements) =>
        elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLImageElement).src),
      );
    for (const url of urls) {
      const parsed = new URL(url);
      if (parsed.origin !== origin) continue;
      expect(parsed.pathname, `a link or asset on ${path} leaves ${BASE}`).toMatch(new RegExp(`^${BASE}`));
      targets.add(parsed.origin + parsed.pathname);
    }
  }
  expect(failed, 'requests that failed while loading the pages').toEqual([]);
  for (const target of targets) {
    expect(new URL(target).pathname, `${target} leaves ${BASE}`).toMatch(new RegExp(`^${BASE}`));
    expect((await request.get(target)).status(), target).toBe(200);
  }
  expect(targets.size).toBeGreaterThan(pages.length);
});

test('links between notes written as site paths get the base path and reach their heading', async ({ page }) => {
  await page.goto(`${origin}${BASE}cross-links/`);
  const link = page.locator('.prose').getByRole('link', { name: 'the C10K problem' });
  await expect(link).toHaveAttribute('href', `${BASE}introduction/c10k/#c10k`);
  await link.click();
  await expect(page).toHaveURL(`${origin}${BASE}introduction/c10k/#c10k`);
  await expect(page.locator('#c10k')).toBeInViewport();
});

test('stylesheets apply under the base path', async ({ page }) => {
  await page.goto(`${origin}${BASE}introduction/c10k/`);
  const loaded = await page.evaluate(
    () => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length,
  );
  expect(loaded).toBeGreaterThan(0);
});

test('search works under the base path through the Pagefind API', async ({ page }) => {
  await page.goto(`${origin}${BASE}`);
  const hit = await page.evaluate(async (base) => {
    const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    await pagefind.init();
    const search = await pagefind.search('C10K');
    const first = await search.results[0]?.data();
    return { count: search.results.length, url: first?.url as string | undefined };
  }, BASE);
  expect(hit.count).toBeGreaterThan(0);
  expect(hit.url).toMatch(new RegExp(`^${BASE}introduction/c10k/`));
  await page.goto(origin + hit.url!);
  await expect(page.locator('h1')).toContainText('C10K');
});
