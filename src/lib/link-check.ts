/**
 * Link integrity of a built site: every internal link reaches a file, every
 * `#fragment` an element id on its target page, every external link is a
 * well-formed http(s) URL. Reads `dist/` as a host would serve it under `base`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { closest } from './closest.ts';

/** A link found on a built page: which attribute of which element, and its value. */
interface FoundLink {
  tag: string;
  attribute: 'href' | 'src';
  value: string;
}

interface BuiltPage {
  /** The HTML file, relative to the dist directory. */
  file: string;
  ids: Set<string>;
  links: FoundLink[];
}

const LINK_ATTRIBUTES: Record<string, 'href' | 'src'> = { a: 'href', link: 'href', img: 'src', script: 'src' };

/** Ids and outgoing links of one HTML document. */
export function readPage(html: string, file: string): BuiltPage {
  const ids = new Set<string>();
  const links: FoundLink[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    if (typeof node.properties.id === 'string' && node.properties.id !== '') ids.add(node.properties.id);
    const attribute = LINK_ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties[attribute] : undefined;
    if (attribute && typeof value === 'string') links.push({ tag: node.tagName, attribute, value });
  });
  return { file, ids, links };
}

function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path, root);
      return name.endsWith('.html') ? [relative(root, path).split(sep).join('/')] : [];
    });
}

/** The dist file a site path is served from (`/a/` → a/index.html), or undefined. */
function servedFile(distDir: string, sitePath: string): string | undefined {
  const clean = sitePath.replace(/^\/+/, '');
  const candidates =
    clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.find(
    (candidate) => existsSync(join(distDir, candidate)) && statSync(join(distDir, candidate)).isFile(),
  );
}

/** `dist/a/index.html` → the URL a reader sees, `/base/a/`. */
function pageUrl(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

export interface LinkCheckOptions {
  /** Path prefix the site is served under, e.g. '/' or '/asyncio-notes/'. */
  base: string;
  /** The deployed origin; absolute links to it are checked like internal ones. */
  site?: string | undefined;
}

/**
 * Every broken link in the built site, one message each naming the page, the
 * link and what to do. An empty list means the site is consistent.
 */
export function checkLinks(distDir: string, options: LinkCheckOptions): string[] {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const origin = options.site ? new URL(options.site).origin : undefined;
  const pages = new Map(
    htmlFiles(distDir).map((file) => [file, readPage(readFileSync(join(distDir, file), 'utf8'), file)]),
  );
  const problems: string[] = [];

  for (const page of pages.values()) {
    const here = new URL(pageUrl(page.file, base), 'http://site.invalid');
    const report = (link: FoundLink, problem: string) =>
      problems.push(
        `${pageUrl(page.file, base)} (dist/${page.file}): <${link.tag} ${link.attribute}="${link.value}"> ${problem}`,
      );

    for (const link of page.links) {
      const value = link.value.trim();
      if (value === '') {
        report(link, 'is empty. Give it a target or remove the link.');
        continue;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      let url: URL;
      if (scheme !== undefined) {
        if (scheme === 'mailto' || (scheme === 'data' && link.attribute === 'src')) continue;
        if (scheme !== 'http' && scheme !== 'https') {
          report(link, `uses the scheme "${scheme}:". Link with an absolute http(s) URL or a path on this site.`);
          continue;
        }
        try {
          url = new URL(value);
        } catch {
          report(link, 'is not a well-formed URL. Write an absolute http(s) URL such as https://example.org/page.');
          continue;
        }
        if (!/\.[a-z]{2,}$|^localhost$/i.test(url.hostname)) {
          report(
            link,
            `has no valid host ("${url.hostname}"). Write an absolute http(s) URL such as https://example.org/page.`,
          );
          continue;
        }
        if (url.origin !== origin) continue;
      } else if (value.startsWith('//')) {
        report(link, 'leaves out the scheme. Write https://… so the link does not depend on how the page is served.');
        continue;
      } else {
        url = new URL(value, here);
      }

      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        report(
          link,
          `points outside the site's base path ${base}. Build internal links with withBase() from src/lib/urls.ts.`,
        );
        continue;
      }
      const target = servedFile(distDir, path.slice(base.length));
      if (!target) {
        report(
          link,
          `points to ${path}, where the built site has no page or file. Fix the link, or create the page it means.`,
        );
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment === '' || fragment === 'top') continue;
      const targetPage = pages.get(target);
      if (!targetPage) continue;
      if (!targetPage.ids.has(fragment)) {
        const hint = closest(fragment, [...targetPage.ids], (id) => id);
        report(
          link,
          `points to #${fragment}, but ${pageUrl(target, base)} has no element with id "${fragment}".` +
            (hint ? ` Did you mean #${hint}?` : '') +
            ' Link to an existing heading or anchor, or restore the one that was renamed.',
        );
      }
    }
  }
  return problems;
}
