import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/**
 * Characters that belong inside words on this site, so `asyncio.gather`,
 * `worker_threads` and `C10K` are found as typed.
 */
export const SEARCH_WORD_CHARACTERS = '._$';

export interface SearchIndexReport {
  /** Pages indexed: those with data-pagefind-body. */
  indexed: number;
  /** HTML files Pagefind read. */
  read: number;
}

/**
 * Builds the Pagefind index of the site in `outDir` into `outDir/pagefind/`.
 * The work happens in Pagefind's own process, which `close()` ends.
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_WORD_CHARACTERS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind found no page with data-pagefind-body to index.');
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    // addDirectory counts every HTML file it read; the entry file counts the pages
    // actually indexed.
    const entry = JSON.parse(await readFile(`${outDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { indexed, read: added.page_count };
  } finally {
    await pagefind.close();
  }
}
