import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../core/content-error';
import { checkLinks } from '../features/links/link-check';
import { buildSearchIndex } from '../features/search/pagefind-index';

const since = (started: number) => `${Math.round(performance.now() - started)} ms`;

/**
 * The end of `astro build`: the Pagefind index (so one `npm run build` yields a
 * complete, searchable site) and the link check. Both only read the finished
 * pages, so they run at once — Pagefind in its own process, the link check in
 * this one — instead of one after the other. Keep this integration last: it
 * reads the HTML every other step wrote.
 */
export function finishBuild(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'asyncio-notes:finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const indexing = buildSearchIndex(outDir).then((report) => {
          logger.info(`Pagefind indexed ${report.indexed} of ${report.read} pages in ${since(started)}`);
        });
        const checking = checkLinks(outDir, { base, site }).then((problems) => {
          if (problems.length > 0) throw new ContentError('link', problems);
          logger.info(`all links resolve (${since(started)})`);
        });
        // Both settle before the build ends, so a failure of one never leaves the other running.
        const [indexed, checked] = await Promise.allSettled([indexing, checking]);
        for (const outcome of [checked, indexed]) if (outcome.status === 'rejected') throw outcome.reason;
      },
    },
  };
}
