/**
 * Where a search result takes the reader, decided from Pagefind's own scores.
 * Pagefind splits a page into sub-results at every anchor (headings, table
 * rows) and scores each matched word (`balanced_score`: its weight and how
 * rare it is). The page result lands on the part of the page that holds the
 * most of the searched words, then the strongest matches of them, and the
 * parts are listed in that order — not page top and page order, which could
 * leave the matched words screens below the landing point. Short and stop
 * words (words.ts) count for neither: "what is concurrency" is about concurrency.
 */
import { HIGHLIGHT_PARAM } from './options';
import { isMeaningful, normalizeWord, wordStem } from './words';

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
  /** The page's indexed text; a location is the index of a word in it, split at whitespace. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PartMatch {
  /** How many of the meaningful searched words the part holds. */
  words: number;
  /** The sum of Pagefind's scores of the matches of those words. */
  score: number;
}

/** The meaningful words searched for: Pagefind puts each into a result's link, as HIGHLIGHT_PARAM. */
export function searchedWords(result: Pick<PagefindSubResult, 'url'>): string[] {
  return new URL(result.url, 'http://site.invalid').searchParams.getAll(HIGHLIGHT_PARAM).filter(isMeaningful);
}

/**
 * How well a part of a page matches. A matched word of the page belongs to a
 * searched word when it holds that word's stem ("concurrently" to
 * "concurrency", "AbortSignal.timeout()" to "timeout").
 */
export function partMatch(sub: PagefindSubResult, pageWords: readonly string[]): PartMatch {
  const stems = searchedWords(sub).map(wordStem);
  const found = new Set<string>();
  let score = 0;
  for (const match of sub.weighted_locations) {
    const word = normalizeWord(pageWords[match.location] ?? '');
    const held = stems.filter((stem) => word.includes(stem));
    if (held.length === 0) continue;
    for (const stem of held) found.add(stem);
    score += match.balanced_score;
  }
  return { words: found.size, score };
}

/** Parts of the page, best match first; on a tie the earlier part (Array sort is stable). */
function bestFirst(result: PagefindResultData): PagefindSubResult[] {
  const pageWords = result.content.split(/\s+/);
  const matches = new Map(result.sub_results.map((sub) => [sub, partMatch(sub, pageWords)]));
  return [...result.sub_results].sort((a, b) => {
    const [first, second] = [matches.get(a)!, matches.get(b)!];
    return second.words - first.words || second.score - first.score;
  });
}

/** The part of the page a page-level result opens at; undefined for a page without parts. */
export function landing(result: PagefindResultData): PagefindSubResult | undefined {
  return bestFirst(result)[0];
}

/** The anchored parts listed under a page result, best match first, at most `max`. */
export function shownSubResults(result: PagefindResultData, max: number): PagefindSubResult[] {
  return bestFirst(result)
    .filter((sub) => sub.anchor !== undefined)
    .slice(0, max);
}
