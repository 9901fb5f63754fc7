import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { childProcessIds, untilReaped } from './pagefind-process.ts';

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
 * The work happens in Pagefind's own process; this one waits for it, and for its end (see pagefind-process.ts),
 * so the build's CPU time includes Pagefind's.
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_WORD_CHARACTERS });
  // The indexer's process id, looked up while it runs: the API does not expose it.
  const indexer = childProcessIds('pagefind');
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
    await untilReaped(indexer);
  }
}
