/**
 * The HTML a citation becomes, as hast: the marker after a citing link, the
 * caption of an attributed quote, and the page's "Sources" section.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { pageDataKey } from '../../core/page-data';
import type { Source } from './schema';

/** One place on a page that cites a work, and the section it sits in. */
export interface CitingPlace {
  /** Element id of the place's [n] marker (after the citing link or in the quote's caption). */
  anchor: string;
  /** Nearest heading above the place (h2–h6), or null before the first heading. */
  section: { slug: string; text: string } | null;
}

/** A work a page cites or lists, in order of first citation; `places` is empty for frontmatter-only works. */
export interface CitedWork {
  id: string;
  places: CitingPlace[];
}

/** What a page cites, handed to the Sources page. */
export interface PageCitations {
  /** Id of the page's Sources heading, where frontmatter-only works are listed. */
  sectionSlug: string;
  works: CitedWork[];
}

export const PAGE_CITATIONS = pageDataKey<PageCitations>('citations');

/** Id of a work's entry in the page's Sources list. */
export const entryId = (id: string) => `source-${id}`;

/** Id of the n-th (1-based) place on a page citing a work. */
export const placeId = (id: string, n: number) => `cite-${id}-${n}`;

/** Who made the work: its authors, or the site when it credits no one. */
export function creditOf(source: Source): string {
  if (source.authors.length === 0) return source.site;
  if (source.authors.length <= 2) return source.authors.join(' and ');
  return `${source.authors.slice(0, -1).join(', ')} and ${source.authors.at(-1)}`;
}

/**
 * `[n]` after a citing link: jumps to the work's entry in the page's Sources list.
 * It carries the citing place's id, so a ↩ link lands on the marker the reader
 * clicked, not on the top of a long quote above it.
 * Left out of the search index, so excerpts read "worker_threads", not "worker_threads[3]".
 */
export function citationMarker(source: Source, number: number, anchor: string): Element {
  return h('sup', { className: ['cite-ref'], dataPagefindIgnore: true }, [
    h(
      'a',
      { href: `#${entryId(source.id)}`, id: anchor, ariaLabel: `Source ${number}: ${source.title}` },
      `[${number}]`,
    ),
  ]);
}

/** `<figure><blockquote cite>…</blockquote><figcaption>— author, <cite>title</cite></figcaption></figure>`. */
export function attributedQuote(quote: Element, source: Source, href: string, anchor: string, number: number): Element {
  quote.properties = { ...quote.properties, cite: href };
  return h('figure', { className: ['quote'], dataCites: source.id }, [
    quote,
    h('figcaption', [
      `— ${creditOf(source)}, `,
      h('cite', [h('a', { href }, source.title)]),
      citationMarker(source, number, anchor),
    ]),
  ]);
}

/** "Dan Kegel, The C10K problem. kegel.com, 1999." with the title linked to the work. */
export function sourceDescription(source: Source): (string | Element)[] {
  const credit = source.authors.length > 0 ? `${creditOf(source)}, ` : '';
  const published = [source.site, source.year].filter((part) => part !== undefined).join(', ');
  return [
    credit,
    h('cite', [h('a', { href: source.url }, source.title)]),
    `. ${published}.`,
    ...(source.note ? [` ${source.note}`] : []),
  ];
}

/** A ↩ link back to one citing place; numbered when the work is cited more than once, so each is told apart. */
function backLink(place: CitingPlace, index: number, count: number, title: string): Element {
  return h(
    'a',
    {
      href: `#${place.anchor}`,
      className: ['backref'],
      dataPagefindIgnore: true,
      ariaLabel: `Back to citation ${index + 1} of ${title}`,
    },
    count === 1 ? '↩' : ['↩', h('sup', String(index + 1))],
  );
}

/** The page's closing "Sources" section: one entry per work, with ↩ links back to each citing place. */
export function sourcesSection(
  slug: string,
  works: { work: CitedWork; source: Source }[],
  sourcesPageHref: (id: string) => string,
): Element {
  // Left out of the search index: /sources/ lists every work, and a note's results open on its prose, not its list.
  return h('section', { className: ['page-sources'], ariaLabelledby: slug, dataPagefindIgnore: true }, [
    h('h2', { id: slug }, 'Sources'),
    h(
      'ol',
      { className: ['source-list'] },
      works.map(({ work, source }) =>
        h('li', { id: entryId(source.id), dataCites: source.id }, [
          ...sourceDescription(source),
          ' ',
          ...(work.places.length === 0
            ? [h('span', { className: ['source-background'] }, '(background reading)')]
            : work.places.map((place, index) => backLink(place, index, work.places.length, source.title))),
          ' ',
          h(
            'a',
            // Navigation, not content: search excerpts would repeat it under every source.
            { href: sourcesPageHref(source.id), className: ['source-index-link'], dataPagefindIgnore: true },
            'Where else it is cited',
          ),
        ]),
      ),
    ),
  ]);
}
