/**
 * Link integrity of a built site: every internal link reaches a file, every
 * `#fragment` an element id on its target page, every external link is a
 * well-formed http(s) URL. Reads `dist/` as a host would serve it under `base`.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { htmlFiles } from '../../core/built-site.ts';
import { closest } from '../../core/closest.ts';
import type { ContentProblem } from '../../core/content-error.ts';
import { classifyLink } from '../../core/urls.ts';
import { decodeEscapes, malformedEscape, readUrl } from './browser-url.ts';

/** A link found on a built page: which attribute of which element, and its value (one candidate of a srcset). */
interface FoundLink {
  tag: string;
  attribute: 'href' | 'src' | 'srcset';
  value: string;
}

interface BuiltPage {
  /** The HTML file, relative to the dist directory. */
  file: string;
  ids: Set<string>;
  links: FoundLink[];
}

const LINK_ATTRIBUTES: Record<string, readonly FoundLink['attribute'][]> = {
  a: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
};

/** `srcset="a.png 1x, b.png 2x"` → the addresses. */
const srcsetUrls = (value: string) =>
  value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/**
 * Ids and outgoing links of one HTML document, from its start tags, read with htmlparser2: no tree is built, which
 * makes it cheaper than parse5's tokenizer with the same ids and links (bench/RESULTS.md). Like a browser, it reads the content of script, style, title, textarea and the other
 * raw-text elements as text, so a `<a href>` inside a script is not a link. A browser that runs scripts also reads
 * a noscript's content as text: the tags inside one are skipped.
 */
export function readPage(html: string, file: string): BuiltPage {
  const ids = new Set<string>();
  const links: FoundLink[] = [];
  let insideNoscript = 0;
  const parser = new Parser({
    onopentag(tag, attributes) {
      if (tag === 'noscript') insideNoscript++;
      if (insideNoscript > 0) return;
      if (attributes.id) ids.add(attributes.id);
      for (const attribute of LINK_ATTRIBUTES[tag] ?? []) {
        const value = attributes[attribute];
        if (value === undefined) continue;
        for (const one of attribute === 'srcset' ? srcsetUrls(value) : [value])
          links.push({ tag, attribute, value: one });
      }
    },
    onclosetag(tag) {
      if (tag === 'noscript' && insideNoscript > 0) insideNoscript--;
    },
  });
  parser.end(html);
  return { file, ids, links };
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
 * Every broken link in the built site, one problem each naming the page, the
 * link and what to do. An empty list means the site is consistent. Each link is
 * read as the browser reads it (browser-url.ts): `\\host/x` leaves the site.
 */
export async function checkLinks(distDir: string, options: LinkCheckOptions): Promise<ContentProblem[]> {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const origin = options.site ? new URL(options.site).origin : undefined;
  const pages = new Map<string, BuiltPage>();
  // Reading page by page, asynchronously, leaves the event loop free between
  // pages for work running alongside (the build feeds Pagefind meanwhile).
  for (const file of htmlFiles(distDir)) pages.set(file, readPage(await readFile(join(distDir, file), 'utf8'), file));
  const problems: ContentProblem[] = [];
  const served = new Map<string, string | undefined>();

  for (const page of pages.values()) {
    const here = new URL(pageUrl(page.file, base), 'http://site.invalid');
    const report = (link: FoundLink, problem: string) =>
      problems.push({
        file: `dist/${page.file}`,
        message: `<${link.tag} ${link.attribute}="${link.value}"> on ${pageUrl(page.file, base)} ${problem}`,
      });

    for (const link of page.links) {
      const value = link.value.trim();
      if (value === '') {
        report(link, 'is empty. Give it a target or remove the link.');
        continue;
      }
      const resolved = readUrl(value, here);
      if (!resolved) {
        report(
          link,
          'is not an address a browser can follow: the URL parser rejects it. Write an absolute http(s) URL or a path on this site.',
        );
        continue;
      }
      const classified = classifyLink(value);
      let url: URL;
      switch (classified.kind) {
        case 'other-scheme':
          if (classified.scheme === 'mailto' || (classified.scheme === 'data' && link.attribute === 'src')) continue;
          report(
            link,
            `uses the scheme "${classified.scheme}:". Link with an absolute http(s) URL or a path on this site.`,
          );
          continue;
        case 'malformed':
          report(link, 'is not a well-formed URL. Write an absolute http(s) URL such as https://example.org/page.');
          continue;
        case 'no-host':
          report(
            link,
            `has no valid host ("${classified.hostname}"). Write an absolute http(s) URL such as https://example.org/page.`,
          );
          continue;
        case 'no-scheme':
          report(link, 'leaves out the scheme. Write https://… so the link does not depend on how the page is served.');
          continue;
        case 'web':
          // `https:/x` is a path of this site on an https page and another site on an http one (a local preview).
          if (!/^https?:[\\/]{2}/i.test(value)) {
            report(
              link,
              'has no "//" after its scheme. Write the full https://host/… address, or a path on this site.',
            );
            continue;
          }
          if (classified.url.origin !== origin) continue;
          url = classified.url;
          break;
        case 'site':
          if (resolved.origin !== here.origin) {
            report(
              link,
              `is read by browsers as ${resolved.href}, another site (a backslash reads as "/"). Write a path of this site with "/", or the full https:// address.`,
            );
            continue;
          }
          url = resolved;
          break;
      }

      const malformed = malformedEscape(url.pathname) ?? malformedEscape(url.hash.slice(1));
      if (malformed !== undefined) {
        report(
          link,
          `holds the percent-escape "${malformed}", which spells no text, so no file or id can match it. Fix the link in the note that wrote it.`,
        );
        continue;
      }
      const path = decodeEscapes(url.pathname) ?? url.pathname;
      if (!path.startsWith(base)) {
        report(
          link,
          `points outside the site's base path ${base}. Build internal links with withBase() from src/core/urls.ts.`,
        );
        continue;
      }
      const sitePath = path.slice(base.length);
      // Pages share most of their links (navigation, assets): look each one up once.
      if (!served.has(sitePath)) served.set(sitePath, servedFile(distDir, sitePath));
      const target = served.get(sitePath);
      if (!target) {
        report(
          link,
          `points to ${path}, where the built site has no page or file. Fix the link, or create the page it means.`,
        );
        continue;
      }
      const fragment = decodeEscapes(url.hash.slice(1)) ?? '';
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
