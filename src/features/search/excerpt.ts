/**
 * Words per excerpt. Pagefind centres the matched words in the excerpt, and
 * search.css lets an excerpt wrap onto a few lines, so they are always in view
 * (Pagefind's default, 30, on one clipped line hid them past its middle).
 */
export const EXCERPT_WORDS = 18;
