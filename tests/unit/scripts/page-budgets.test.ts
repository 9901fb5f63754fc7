import { describe, expect, it } from 'vitest';
import {
  analysePage,
  gzipSize,
  INLINE_SCRIPT_MAX_BYTES,
  isOtherOrigin,
  weigh,
} from '../../../scripts/lib/page-load.ts';
import { readdirSync } from 'node:fs';
import type { AssetBudget } from '../../../src/core/budget.ts';
import {
  BUDGETS,
  classifyPage,
  FEATURE_BUDGETS,
  measureFeatures,
  mediaOf,
  verdicts,
  type Build,
  type LoadedPage,
  type PageType,
  type PageReport,
} from '../../../scripts/lib/budgets.ts';

const files: Record<string, string> = {
  '/_astro/base.css': 'body{font-family:system-ui}',
  '/_astro/extra.css': '.x{color:red}',
  '/_astro/with-import.css': '@import url("./extra.css");main{margin:0}',
  '/_astro/font.css': '@font-face{font-family:X;src:url(/x.woff2)}',
  '/_astro/entry.js': 'import{a}from"./shared.js";a();document.querySelector("b").onclick=()=>import("./lazy.js")',
  '/_astro/shared.js': 'export const a=()=>1;',
  '/_astro/lazy.js': 'export default "x".repeat(10000);',
};
const encoder = new TextEncoder();
const read = (path: string) => (path in files ? encoder.encode(files[path]) : undefined);

const page = (head: string, body = '<main><article data-pagefind-body><h1>T</h1></article></main>') =>
  `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`;

describe('analysePage', () => {
  it('counts the HTML, stylesheets with their @imports, and module scripts with static imports only', async () => {
    const html = page(
      '<link rel="stylesheet" href="/_astro/with-import.css"><link rel="stylesheet" href="/_astro/base.css">',
      '<main></main><script type="module" src="/_astro/entry.js"></script>',
    );
    const load = await analysePage('/notes/a/', html, read);
    expect(load.assets.map((asset) => asset.path)).toEqual([
      '/notes/a/',
      '/_astro/with-import.css',
      '/_astro/extra.css',
      '/_astro/base.css',
      '/_astro/entry.js',
      '/_astro/shared.js',
    ]);
    expect(load.problems).toEqual([]);
    const weight = weigh(load);
    expect(weight.total).toBe(load.assets.reduce((sum, asset) => sum + asset.gzip, 0));
    expect(weight.js).toBe(gzipSize(files['/_astro/entry.js']!) + gzipSize(files['/_astro/shared.js']!));
  });

  it('counts inline scripts in the HTML bytes and again, alone, in the JavaScript', async () => {
    const theme = "try{document.documentElement.dataset.theme=localStorage.getItem('theme')}catch{}";
    const load = await analysePage('/', page(`<script>${theme}</script>`), read);
    const weight = weigh(load);
    expect(load.inlineJs).toHaveLength(1);
    expect(weight.js).toBe(gzipSize(theme));
    expect(weight.total).toBe(weight.html);
    expect(load.problems).toEqual([]);
  });

  it('rejects blocking scripts, big inline scripts, web fonts, other origins and missing files', async () => {
    const html = page(
      [
        '<script src="/_astro/shared.js"></script>',
        `<script>${'x'.repeat(INLINE_SCRIPT_MAX_BYTES + 1)}</script>`,
        '<link rel="stylesheet" href="/_astro/font.css">',
        '<link rel="stylesheet" href="https://fonts.example.com/css">',
        '<link rel="preload" as="font" href="/f.woff2">',
        '<link rel="stylesheet" href="/_astro/gone.css">',
      ].join(''),
      '<img src="//cdn.example.com/a.png" alt="">',
    );
    const { problems } = await analysePage('/p/', html, read);
    expect(problems).toEqual([
      expect.stringContaining('render-blocking script /_astro/shared.js'),
      expect.stringContaining('blocking inline script'),
      expect.stringContaining('/_astro/font.css declares a web font'),
      expect.stringContaining('https://fonts.example.com/css from another origin'),
      expect.stringContaining('web font /f.woff2'),
      expect.stringContaining('/_astro/gone.css, which is not in the build'),
      expect.stringContaining('//cdn.example.com/a.png from another origin'),
    ]);
  });

  it('leaves async/defer scripts, JSON data and links to other sites alone', async () => {
    const html = page(
      '<script defer src="/_astro/shared.js"></script><script type="application/ld+json">{"a":1}</script><link rel="canonical" href="https://example.org/p/">',
      '<a href="https://example.org/">elsewhere</a>',
    );
    const load = await analysePage('/p/', html, read);
    expect(load.problems).toEqual([]);
    expect(load.inlineJs).toEqual([]);
  });
});

describe('isOtherOrigin', () => {
  it('tells absolute URLs with a host from paths and data URLs', () => {
    expect(isOtherOrigin('https://a.example/x.js')).toBe(true);
    expect(isOtherOrigin('//a.example/x.js')).toBe(true);
    expect(isOtherOrigin('/_astro/x.js')).toBe(false);
    expect(isOtherOrigin('../x.css')).toBe(false);
    expect(isOtherOrigin('data:image/svg+xml,<svg/>')).toBe(false);
  });
});

describe('classifyPage', () => {
  const tree = async (body: string) => (await analysePage('/x/', page('', body), read)).tree;

  it('knows the home and sources pages by path', async () => {
    expect(classifyPage('/', await tree(''))).toBe('home');
    expect(classifyPage('/sources/', await tree(''))).toBe('sources');
  });

  it('tells plain articles from articles with table or snippet islands, and other pages', async () => {
    expect(classifyPage('/a/', await tree('<article data-pagefind-body><table></table></article>'))).toBe('article');
    // The attributes the comparison tables and runnable snippets emit.
    const snippet = '<article data-pagefind-body><div data-snippet-js="x"></div></article>';
    expect(classifyPage('/a/', await tree(snippet))).toBe('rich article');
    const comparison = '<article data-pagefind-body><div data-comparison-table><table></table></div></article>';
    expect(classifyPage('/a/', await tree(comparison))).toBe('rich article');
    expect(classifyPage('/404.html', await tree('<main><h1>Not found</h1></main>'))).toBe('other');
  });
});

describe('verdicts', () => {
  const report = (total: number, js: number): PageReport => ({
    page: '/a/',
    type: 'article',
    weight: { html: total - js, css: 0, js, total },
    assets: [
      { kind: 'html', path: '/a/', bytes: 0, gzip: total - js },
      { kind: 'js', path: '/_astro/big.js', bytes: 0, gzip: js },
    ],
    inlineJs: [],
    media: [],
    problems: [],
  });

  it('passes a page within budget', () => {
    expect(verdicts(report(BUDGETS.article.total, BUDGETS.article.js))).toEqual([]);
  });

  it('names the page, the assets, their sizes and the budget when over', () => {
    const failures = verdicts(report(25_000, 3_000));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toBe(
      '/a/ (article) fetches 25.0 kB gz before interaction, over its 20.0 kB budget: /a/ 22.0 kB, /_astro/big.js 3.0 kB.',
    );
    expect(failures[1]).toContain(
      'runs 3.0 kB gz of JavaScript before interaction, over its 2.0 kB budget: /_astro/big.js 3.0 kB',
    );
  });
});

describe('mediaOf: the images and media of a page count in its budget', () => {
  // Pyodide's WebAssembly as 40 images: 6.5 MB a view, which the page budgets did not count.
  const wasm = 6_500_000;
  const sizes: Record<string, number> = { '/x/pyodide/pyodide.asm.wasm': wasm, '/x/a.png': 3000, '/x/a@2x.png': 9000 };
  const weighFile = (path: string) => sizes[path];
  const media = async (body: string) =>
    mediaOf('/x/note/', (await analysePage('/x/note/', page('', body), read)).tree, weighFile);

  it('counts each address once, each different query again, and the heaviest candidate of a srcset', async () => {
    const forty = '<img src="/x/pyodide/pyodide.asm.wasm" alt="">'.repeat(40);
    expect(await media(forty)).toEqual([{ path: '/x/pyodide/pyodide.asm.wasm', gzip: wasm }]);
    expect(await media('<img src="../a.png?1" alt=""><img src="/x/a.png?2" alt="">')).toEqual([
      { path: '/x/a.png?1', gzip: 3000 },
      { path: '/x/a.png?2', gzip: 3000 },
    ]);
    const responsive = '<picture><source srcset="/x/a.png 1x, /x/a@2x.png 2x"><img src="/x/a.png" alt=""></picture>';
    expect(await media(responsive)).toEqual([
      { path: '/x/a@2x.png', gzip: 9000 },
      { path: '/x/a.png', gzip: 3000 },
    ]);
    // Other origins are refused by analysePage, data: URLs weigh in the HTML, missing files are the link check's.
    expect(await media('<img src="data:image/png;base64,AA" alt=""><img src="/x/gone.png" alt="">')).toEqual([]);
  });

  it('fails a page whose media are over the budget, naming the files and their sizes', async () => {
    const report: PageReport = {
      page: '/note/',
      type: 'article',
      weight: { html: 1000, css: 0, js: 0, total: 1000 },
      assets: [{ kind: 'html', path: '/note/', bytes: 0, gzip: 1000 }],
      inlineJs: [],
      media: await media('<img src="/x/pyodide/pyodide.asm.wasm" alt="">'.repeat(40)),
      problems: [],
    };
    expect(verdicts(report)).toEqual([
      `/note/ (article) shows 6500.0 kB gz of images and media, over its ${(BUDGETS.article.media / 1000).toFixed(1)} kB budget (src/core/budget.ts): /x/pyodide/pyodide.asm.wasm 6500.0 kB.`,
    ]);
    expect(verdicts({ ...report, media: [{ path: '/x/a.png', gzip: BUDGETS.article.media }] })).toEqual([]);
  });
});

describe('measureFeatures', () => {
  // Digits from a fixed linear congruential sequence: ~1.5 kB after gzip, the same on every run.
  let seed = 1;
  const digits = Array.from({ length: 3000 }, () => (seed = (seed * 48271) % 2147483647) % 10).join('');
  const chunk = `export const run = () => "${digits}";`;
  const island = 'for (const t of document.querySelectorAll(`[data-island]`)) t.hidden = false;';
  const builtFiles: Record<string, string> = { '_astro/chunk.A1.js': chunk, '_astro/page.B2.js': 'import "./x.js";' };
  const loaded = (page: string, properties: string[], inline: string[] = [], assets: string[] = []): LoadedPage => ({
    page,
    properties: new Set(properties),
    assets: assets.map((path) => ({ kind: 'js', path, bytes: 0, gzip: gzipSize(builtFiles[path.slice(3)]!) })),
    inlineJs: inline.map((text, index) => ({
      kind: 'js',
      path: `${page} (inline script ${index + 1})`,
      bytes: text.length,
      gzip: gzipSize(text),
      text,
    })),
  });
  // Under a base path, as GitHub Pages serves the site: asset paths start with it, file paths do not.
  const build = (pages: LoadedPage[]): Build => ({
    pages,
    base: '/x/',
    files: Object.keys(builtFiles),
    read: (file) => (file in builtFiles ? { gzip: gzipSize(builtFiles[file]!), text: builtFiles[file]! } : undefined),
  });
  const lazy = (kB: number): AssetBudget => ({
    name: 'the chunk (on use)',
    kB,
    find: { files: [/^_astro\/chunk\.\w+\.js$/] },
  });
  const inline = (kB: number): AssetBudget => ({
    name: 'the island (with the page)',
    kB,
    find: { scriptContaining: '[data-island]' },
    onlyOnPagesWith: 'dataIsland',
  });

  it('weighs a chunk by its files and an island by the script that contains its text, and passes them within budget', () => {
    const [chunkReport, islandReport] = measureFeatures(build([loaded('/a/', ['dataIsland'], [island])]), {
      demo: [lazy(2), inline(1)],
    });
    expect(chunkReport!.gzip).toBe(gzipSize(chunk));
    expect(chunkReport!.parts.map((part) => part.name)).toEqual(['_astro/chunk.A1.js']);
    expect(islandReport!.gzip).toBe(gzipSize(island));
    expect([...chunkReport!.failures, ...islandReport!.failures]).toEqual([]);
  });

  it('fails an excess naming the feature, the asset, its size, the budget and where the budget is declared', () => {
    expect(gzipSize(chunk)).toBeGreaterThan(1000);
    const [report] = measureFeatures(build([]), { demo: [lazy(1)] });
    const size = (gzipSize(chunk) / 1000).toFixed(2);
    expect(report!.failures).toEqual([
      `demo: the chunk (on use) is ${size} kB gz, over its 1.00 kB budget (src/features/demo/budget.ts): _astro/chunk.A1.js ${size} kB.`,
    ]);
    // One byte more budget than it weighs, and it passes.
    expect(measureFeatures(build([]), { demo: [lazy((gzipSize(chunk) + 1) / 1000)] })[0]!.failures).toEqual([]);
  });

  it('fails an island loaded by a page without its markup, and an island or chunk that is not in the build', () => {
    const pages = [loaded('/a/', ['dataIsland'], [island]), loaded('/b/', [], [island], ['/x/_astro/page.B2.js'])];
    const [islandReport] = measureFeatures(build(pages), { demo: [inline(1)] });
    expect(islandReport!.failures).toEqual([
      '/b/ loads demo: the island (with the page) (inline script) but has no element with dataIsland; include it only on pages that use it.',
    ]);
    const missing = measureFeatures(build([loaded('/a/', ['dataIsland'])]), {
      demo: [{ ...lazy(1), find: { files: [/^_astro\/gone\.js$/] } }, inline(1)],
    });
    expect(missing.flatMap((report) => report.failures)).toEqual([
      'demo: the chunk (on use): no built file matches /^_astro\\/gone\\.js$/: was it renamed? Update src/features/demo/budget.ts.',
      'demo: the island (with the page): no page loads a script containing "[data-island]": has the island changed? Update src/features/demo/budget.ts.',
    ]);
  });

  it('lets a build whose pages never use a feature go without its files', () => {
    const unused = measureFeatures(build([loaded('/a/', [])]), {
      demo: [{ ...lazy(1), find: { files: [/^_astro\/gone\.js$/] }, onlyOnPagesWith: 'dataIsland' }, inline(1)],
    });
    expect(unused.flatMap((report) => report.failures)).toEqual([]);
    expect(unused.map((report) => report.gzip)).toEqual([0, 0]);
  });

  it('weighs a budget withHeaviestNote with the note that fetches the most before interaction, not another page', () => {
    const page = (path: string, type: PageType, total: number): LoadedPage => ({
      ...loaded(path, []),
      type,
      weight: { html: total, css: 0, js: 0, total },
    });
    const pages = [page('/', 'home', 90_000), page('/a/', 'article', 20_000), page('/b/', 'rich article', 25_000)];
    const withNote = (kB: number): AssetBudget => ({ ...lazy(kB), withHeaviestNote: true });
    const [report] = measureFeatures(build(pages), { demo: [withNote(30)] });
    expect(report!.gzip).toBe(25_000 + gzipSize(chunk));
    expect(report!.parts.map((part) => part.name)).toEqual([
      '_astro/chunk.A1.js',
      '/b/ (the heaviest note, before interaction)',
    ]);
    expect(report!.failures).toEqual([]);
    expect(measureFeatures(build(pages), { demo: [withNote(25)] })[0]!.failures).toHaveLength(1);
  });

  it('collects the budget of every feature folder that declares one', () => {
    const declared = readdirSync('src/features', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(`src/features/${entry.name}`).includes('budget.ts'))
      .map((entry) => entry.name);
    expect(Object.keys(FEATURE_BUDGETS).sort()).toEqual(declared.sort());
    expect(declared).toEqual(expect.arrayContaining(['search', 'snippets', 'tables']));
  });
});
