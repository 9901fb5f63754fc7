import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One entry of search-queries.yaml: where a query must land first. */
export interface ExpectedLanding {
  query: string;
  /** Path and optional #anchor of the first result's link, without ?highlight=. */
  lands: string;
  /** A word the first result's excerpt must show marked. */
  shows: string;
  /** The most words the landing page may mark. */
  marks: number;
}

const FILE = new URL('./search-queries.yaml', import.meta.url);

/** The list, checked so a typo in the file fails with its entry, not as a puzzling search. */
export function expectedLandings(): ExpectedLanding[] {
  const entries: unknown = parse(readFileSync(FILE, 'utf8'));
  if (!Array.isArray(entries)) throw new Error('tests/e2e/search-queries.yaml: write a list of entries.');
  return entries.map((entry: Record<string, unknown>, index) => {
    const { query, lands, shows, marks } = entry ?? {};
    if (typeof query !== 'string' || typeof lands !== 'string' || !lands.startsWith('/')) {
      throw new Error(
        `tests/e2e/search-queries.yaml, entry ${index + 1}: give a "query" and where it "lands" (a path such as /introduction/c10k/#c10k).`,
      );
    }
    if (typeof marks !== 'number' || !Number.isInteger(marks) || marks < 1) {
      throw new Error(
        `tests/e2e/search-queries.yaml, entry ${index + 1} ("${query}"): give "marks", the most words its landing page may mark (1 or more).`,
      );
    }
    return { query, lands, shows: typeof shows === 'string' ? shows : query, marks };
  });
}

/** A result link without Pagefind's ?highlight=… parameter. */
export function withoutHighlight(href: string): string {
  const url = new URL(href, 'http://site.invalid');
  url.searchParams.delete('highlight');
  return url.pathname + url.search + url.hash;
}
