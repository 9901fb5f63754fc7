import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ContentError } from '../core/content-error';
import { checkLinks } from '../features/links/link-check';
import { buildSearchIndex } from '../features/search/pagefind-index';
import { publish } from './publish';

const since = (started: number) => `${Math.round(performance.now() - started)} ms`;

/**
 * `astro build` writes into a staging folder (in Astro's cache folder), never into `dist/` itself. At the end of
 * the build the Pagefind index is written (so one `npm run build` yields a complete, searchable site) and every link
 * is checked; both only read the finished pages, so they run at once — Pagefind in its own process, the link check
 * in this one. Only when both pass does the staged site replace `dist/`: a build that fails anywhere (a note that
 * throws while rendering, a broken link) leaves the previous `dist/` untouched, so `npm start` and a deploy never
 * serve a half-built or unchecked site. Keep this integration last: it reads the HTML every other step wrote.
 */
export function indexCheckAndPublish(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let target = '';
  let staging = '';
  let aside = '';
  return {
    name: 'asyncio-notes:index-check-and-publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir);
        const cache = fileURLToPath(config.cacheDir);
        staging = join(cache, 'build-staging');
        aside = join(cache, 'build-previous');
        // A failed build's leftovers never reach the next site.
        rmSync(staging, { recursive: true, force: true });
        mkdirSync(staging, { recursive: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
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
        if (!target) return;
        publish(outDir, target, aside);
        logger.info(`the checked site replaced ${relative(process.cwd(), target) || '.'}/`);
      },
    },
  };
}
