import { describe, expect, it } from 'vitest';
import {
  analysePage,
  gzipSize,
  INLINE_SCRIPT_MAX_BYTES,
  isOtherOrigin,
  weigh,
} from '../../../scripts/lib/page-load.ts';
import { BUDGETS, classifyPage, verdicts, type PageReport } from '../../../scripts/lib/budgets.ts';

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
