/**
 * Where a search result takes the reader, decided from Pagefind's own scores.
 * Pagefind splits a page into sub-results at every anchor (headings, table
 * rows) and scores each matched word (`balanced_score`: its weight and how
 * rare it is). The page result lands on the part of the page that holds the
 * strongest matches, and the parts are listed strongest first — not page top
 * and page order, which could leave the matched words screens below the landing point.
 */

/** The fields of a Pagefind result these rules read (see Pagefind's `PagefindSearchFragment`). */
export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations: PagefindLocation[];
  /** Absent for the part of the page before its first anchor. */
  anchor?: unknown;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

/** How strongly a part of a page matches: the sum of Pagefind's scores of its matched words. */
export function matchScore(sub: PagefindSubResult): number {
  return sub.weighted_locations.reduce((sum, word) => sum + word.balanced_score, 0);
}

/** Parts of the page, strongest match first; on a tie the earlier part (Array sort is stable). */
function strongestFirst(subs: readonly PagefindSubResult[]): PagefindSubResult[] {
  return [...subs].sort((a, b) => matchScore(b) - matchScore(a));
}

/** The part of the page a page-level result opens at; undefined for a page without parts. */
export function landing(result: PagefindResultData): PagefindSubResult | undefined {
  return strongestFirst(result.sub_results)[0];
}

/** The anchored parts listed under a page result, strongest match first, at most `max`. */
export function shownSubResults(result: PagefindResultData, max: number): PagefindSubResult[] {
  return strongestFirst(result.sub_results)
    .filter((sub) => sub.anchor !== undefined)
    .slice(0, max);
}
