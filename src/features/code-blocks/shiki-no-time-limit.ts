import type { ShikiTransformer } from 'shiki';

/**
 * Shiki gives up on a line after `tokenizeTimeLimit` (500 ms of wall time by
 * default) and colours the rest of that line as one token. On a busy machine —
 * a large build, CI sharing its cores — a process paused mid-line crosses that
 * limit at random, so one commit built twice gave different HTML (found by
 * `npm run check:reproducible` on 100 generated notes). Without the limit the
 * same code always gets the same colours. Astro's Shiki integration has no
 * option for it; `preprocess` receives the very options object Shiki then
 * tokenizes with.
 */
export const shikiNoTimeLimit: ShikiTransformer = {
  name: 'asyncio-notes:no-tokenize-time-limit',
  preprocess(code, options) {
    options.tokenizeTimeLimit = 0;
    return code;
  },
};
