import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkLinks } from '../features/links/link-check';
import { buildSearchIndex } from '../features/search/pagefind-index';

/** How many broken links the build prints before summing up the rest. */
const SHOWN = 30;

/** A broken site: the message lists each page and link; a stack would only bury them. */
class BrokenLinksError extends Error {
  constructor(problems: string[]) {
    const rest = problems.length - SHOWN;
    super(
      `${problems.length} broken link${problems.length === 1 ? '' : 's'} in the built site:\n` +
        problems.slice(0, SHOWN).join('\n') +
        (rest > 0 ? `\n… and ${rest} more.` : ''),
    );
    this.name = 'BrokenLinksError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

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
          if (problems.length > 0) throw new BrokenLinksError(problems);
          logger.info(`all links resolve (${since(started)})`);
        });
        // Both settle before the build ends, so a failure of one never leaves the other running.
        const [indexed, checked] = await Promise.allSettled([indexing, checking]);
        for (const outcome of [checked, indexed]) if (outcome.status === 'rejected') throw outcome.reason;
      },
    },
  };
}
