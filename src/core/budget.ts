/**
 * The shape of a feature's size budget. Each feature declares the code it
 * ships in `src/features/<feature>/budget.ts`; `npm run size`
 * (scripts/lib/budgets.ts) collects them, measures the build and fails on any
 * excess. One unit everywhere: kB of gzip -9 output, 1 kB = 1000 bytes.
 */
export interface AssetBudget {
  /** What it is and when a reader downloads it: a row of the report. */
  name: string;
  /** Gzipped size allowed, in kB (1000 bytes), summed over what `find` matches. */
  kB: number;
  /**
   * How to find it in the build: built files by their path under the site's
   * root (lazily loaded chunks and bundles), or the script a page loads eagerly
   * that contains this text (an island Astro may inline into the page or not).
   */
  find: { files: readonly RegExp[] } | { scriptContaining: string };
  /**
   * The markup (a hast property, `dataComparisonTable`) of the pages that use
   * it: a page without it must not load it, and a build with no such page
   * need not contain it.
   */
  onlyOnPagesWith?: string;
  /**
   * Weighed together with the heaviest note (an article page, all it fetches
   * before interaction): for a budget on what a reader downloads who uses the
   * feature from that note.
   */
  withHeaviestNote?: boolean;
}

/**
 * Images and media one page may show, in kB of gzip -9 summed over its distinct files: a note's pictures are
 * downloaded by every reader. The content policy holds each note to it and `npm run size` each built page.
 */
export const PAGE_MEDIA_KB = 200;
