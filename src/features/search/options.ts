/** Settings shared by the search dialog (search.ts), the landing page's highlighter and the tests. */

/**
 * Words per excerpt. Pagefind centres the matched words in the excerpt, and
 * search.css lets an excerpt wrap onto a few lines, so they are always in view
 * (Pagefind's default, 30, on one clipped line hid them past its middle).
 */
export const EXCERPT_WORDS = 18;

/** The URL parameter Pagefind adds to result links; its value is the searched terms. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Pagefind's ranking (its `ranking` option): `termSimilarity` above its default of 1
 * favours words of the searched length, so "sleep(0)" finds the page that explains
 * `asyncio.sleep(0)` before one whose examples call `asyncio.sleep(0.01)`.
 */
export const RANKING = { termSimilarity: 5 };
