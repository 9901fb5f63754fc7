import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Characters that belong inside words on this site, so `asyncio.gather`,
 * `worker_threads` and `C10K` are found as typed.
 */
export const SEARCH_WORD_CHARACTERS = '._$';

/**
 * Builds the Pagefind index into `dist/pagefind/` at the end of `astro build`,
 * so one `npm run build` yields a complete, searchable site.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'asyncio-notes:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({
          includeCharacters: SEARCH_WORD_CHARACTERS,
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0)
            throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind found no page with data-pagefind-body to index.');
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
          // addDirectory counts every HTML file it read; the entry file counts the pages
          // actually indexed (those with data-pagefind-body).
          const entry = JSON.parse(await readFile(`${outDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
          logger.info(
            `indexed ${indexed} of ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
