/**
 * What a built page makes the browser fetch before any interaction: the HTML,
 * its stylesheets (and their @imports), and its eagerly loaded scripts with
 * their static module imports. Lazily imported chunks (`import()`) load on
 * use and are left out. Pure: files come from a `read` callback, so unit tests
 * feed it strings and `npm run size` feeds it `dist/`.
 *
 * Inline scripts and styles travel inside the HTML, so their bytes are part of
 * the HTML's gzipped size; inline scripts are *also* reported on their own
 * (`inlineJs`) so the JavaScript budget sees every byte of script a page runs.
 */
import { gzipSync } from 'node:zlib';
import { init as lexerReady, initSync as lexerReadyNow, parse as parseModule } from 'es-module-lexer';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A classic inline script blocks parsing where it stands. The one we allow is
 * the theme bootstrap in <head>, which must run before first paint so a stored
 * dark theme never flashes light; anything larger than this is not "tiny".
 */
export const INLINE_SCRIPT_MAX_BYTES = 1024;

export type AssetKind = 'html' | 'css' | 'js';

export interface Asset {
  kind: AssetKind;
  /** Site path, e.g. `/_astro/base.css`; inline scripts are `<page> (inline script N)`. */
  path: string;
  bytes: number;
  gzip: number;
  /** An inline script's code, for finding an island by what it contains. */
  text?: string;
}

export interface PageLoad {
  /** The document, every external stylesheet and eager script, each once. */
  assets: Asset[];
  /** Inline scripts (already inside the HTML's bytes), sized on their own for the JS budget. */
  inlineJs: Asset[];
  /** Rule breaks that no byte count captures: blocking scripts, web fonts, other origins, missing files. */
  problems: string[];
  /** Parsed document, for callers that classify the page by its markup. */
  tree: Root;
}

export type ReadFile = (sitePath: string) => Uint8Array | undefined;

/** Gzip level 9, as `gzip -9`: what a well-configured static host serves. */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
/** `<link rel>` values the browser fetches on its own. */
const FETCHING_RELS = new Set(['stylesheet', 'preload', 'modulepreload', 'icon', 'apple-touch-icon', 'manifest']);
/** Elements whose `src` (or `data`) the browser fetches. */
const SRC_ELEMENTS = new Set(['img', 'iframe', 'source', 'video', 'audio', 'embed', 'track', 'input']);

function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** Absolute URLs with a host (`https://…`, `//…`) leave the site; `data:` and paths do not. */
export function isOtherOrigin(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim());
}

/** Resolves `href` against the site path of the document or asset that references it. */
/** The same-origin modules `code` (at site path `from`) imports statically: fetched before it runs. */
export function staticImports(code: string, from: string): string[] {
  lexerReadyNow();
  const [imports] = parseModule(code);
  // d === -1: a static import. Dynamic `import()` (d ≥ 0) loads on use, import.meta (d === -2) fetches nothing.
  return imports.flatMap((imported) =>
    imported.d === -1 && imported.n && !isOtherOrigin(imported.n) ? [resolveSitePath(imported.n, from)] : [],
  );
}

export function resolveSitePath(href: string, from: string): string {
  const url = new URL(href, new URL(from, 'http://site.invalid'));
  return decodeURIComponent(url.pathname);
}

const CSS_IMPORT = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;/g;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;

export async function analysePage(pagePath: string, html: string, read: ReadFile): Promise<PageLoad> {
  await lexerReady;
  const tree = fromHtml(html);
  const assets: Asset[] = [{ kind: 'html', path: pagePath, bytes: Buffer.byteLength(html), gzip: gzipSize(html) }];
  const inlineJs: Asset[] = [];
  const problems: string[] = [];
  const seen = new Set<string>([pagePath]);

  const checkCss = (css: string, where: string, from: string) => {
    if (/@font-face/i.test(css)) problems.push(`${where} declares a web font (@font-face); use the system font stack.`);
    for (const [, url] of css.matchAll(CSS_URL)) {
      if (url && isOtherOrigin(url)) problems.push(`${where} loads ${url} from another origin; self-host it.`);
    }
    for (const [, href] of css.matchAll(CSS_IMPORT)) {
      if (href && !isOtherOrigin(href)) addFile('css', resolveSitePath(href, from), where);
    }
  };

  const addJsImports = (code: string, from: string, where: string) => {
    const [imports] = parseModule(code);
    for (const imported of imports) {
      // d === -1: a static import, fetched before the module runs. Dynamic
      // `import()` (d ≥ 0) loads on use, import.meta (d === -2) fetches nothing.
      if (imported.d !== -1 || !imported.n) continue;
      if (isOtherOrigin(imported.n)) {
        problems.push(`${where} imports ${imported.n} from another origin; bundle it.`);
        continue;
      }
      addFile('js', resolveSitePath(imported.n, from), where);
    }
  };

  function addFile(kind: AssetKind, path: string, referrer: string): void {
    if (seen.has(path)) return;
    seen.add(path);
    const data = read(path);
    if (!data) {
      problems.push(`${referrer} references ${path}, which is not in the build.`);
      return;
    }
    assets.push({ kind, path, bytes: data.byteLength, gzip: gzipSize(data) });
    const text = Buffer.from(data).toString('utf8');
    if (kind === 'css') checkCss(text, path, path);
    if (kind === 'js') addJsImports(text, path, path);
  }

  let inlineCount = 0;
  visit(tree, 'element', (node) => {
    const src = attr(node, 'src');
    if (node.tagName === 'script') {
      const type = (attr(node, 'type') ?? '').toLowerCase();
      if (!SCRIPT_TYPES.has(type)) return; // JSON data, import maps: not executed as script
      const isModule = type === 'module';
      if (src) {
        if (isOtherOrigin(src)) {
          problems.push(`${pagePath} loads the script ${src} from another origin; self-host it.`);
          return;
        }
        const lazy = isModule || attr(node, 'async') !== undefined || attr(node, 'defer') !== undefined;
        if (!lazy) problems.push(`${pagePath} has a render-blocking script ${src}; make it a module, async or defer.`);
        addFile('js', resolveSitePath(src, pagePath), pagePath);
        return;
      }
      const code = textOf(node);
      inlineCount += 1;
      const path = `${pagePath} (inline script ${inlineCount})`;
      inlineJs.push({ kind: 'js', path, bytes: Buffer.byteLength(code), gzip: gzipSize(code), text: code });
      if (isModule) addJsImports(code, pagePath, path);
      else if (Buffer.byteLength(code) > INLINE_SCRIPT_MAX_BYTES)
        problems.push(
          `${path} is a ${Buffer.byteLength(code)}-byte blocking inline script (limit ${INLINE_SCRIPT_MAX_BYTES}); move it to a module.`,
        );
      return;
    }
    if (node.tagName === 'style') {
      checkCss(textOf(node), `${pagePath} (inline style)`, pagePath);
      return;
    }
    if (node.tagName === 'link') {
      const rels = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(node, 'href');
      if (!href || !rels.some((rel) => FETCHING_RELS.has(rel))) return;
      if (isOtherOrigin(href)) {
        problems.push(`${pagePath} fetches ${href} from another origin; self-host it.`);
        return;
      }
      const as = attr(node, 'as');
      if (as === 'font' || /\.(?:woff2?|ttf|otf|eot)$/i.test(href))
        problems.push(`${pagePath} loads the web font ${href}; use the system font stack.`);
      if (rels.includes('stylesheet') || as === 'style') addFile('css', resolveSitePath(href, pagePath), pagePath);
      else if (rels.includes('modulepreload') || as === 'script')
        addFile('js', resolveSitePath(href, pagePath), pagePath);
      return;
    }
    if (SRC_ELEMENTS.has(node.tagName) && src && isOtherOrigin(src))
      problems.push(`${pagePath} loads ${src} from another origin; self-host it.`);
    const style = attr(node, 'style');
    if (style) checkCss(style, `${pagePath} (style attribute)`, pagePath);
  });

  return { assets, inlineJs, problems, tree };
}

export interface Weight {
  html: number;
  css: number;
  /** External scripts plus inline scripts (each gzipped on its own). */
  js: number;
  /** Bytes over the wire: HTML (inline code included once) + CSS + external JS. */
  total: number;
}

export function weigh(load: Pick<PageLoad, 'assets' | 'inlineJs'>): Weight {
  const sum = (kind: AssetKind) =>
    load.assets.filter((asset) => asset.kind === kind).reduce((total, asset) => total + asset.gzip, 0);
  const html = sum('html');
  const css = sum('css');
  const externalJs = sum('js');
  const inline = load.inlineJs.reduce((total, asset) => total + asset.gzip, 0);
  return { html, css, js: externalJs + inline, total: html + css + externalJs };
}
