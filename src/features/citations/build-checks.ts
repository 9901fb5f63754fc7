import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry, registryPath } from './registry';
import { citedIdsIn, unusedSourceWarnings } from './usage';
import { recordedFailures } from './failures';
import { htmlFiles } from '../../core/built-site';
import { ContentError } from '../../core/content-error';

/** What rendered notes depend on besides their own text: the content tree and the registry. */
function renderInputs(): string {
  const file = registryPath();
  const registry = existsSync(file) ? readFileSync(file) : '';
  return createHash('sha256').update(file).update('\0').update(registry).digest('hex');
}

/**
 * Keeps citations honest around Astro's content cache, fails the build on
 * citation mistakes Astro only logged, and warns about registered sources no
 * page cites.
 */
export function citationChecks(): AstroIntegration {
  let stampFile = '';
  let inputs = '';
  const writeStamp = (failed: boolean) => {
    mkdirSync(join(stampFile, '..'), { recursive: true });
    writeFileSync(stampFile, JSON.stringify({ inputs, failed }));
  };
  return {
    name: 'asyncio-notes:citations',
    hooks: {
      // Astro caches each rendered `.md` note by its own text only. When the registry (or
      // CONTENT_DIR) changed, or the last build failed on a citation, drop that cache so
      // every note renders, and is checked, against the current registry.
      'astro:config:setup': ({ config, logger }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        stampFile = join(cacheDir, 'citations-stamp.json');
        inputs = renderInputs();
        let previous: { inputs?: string; failed?: boolean } = {};
        try {
          previous = JSON.parse(readFileSync(stampFile, 'utf8')) as typeof previous;
        } catch {
          // first build in this cache directory
        }
        if (previous.inputs !== inputs || previous.failed) {
          const store = join(cacheDir, 'data-store.json');
          if (existsSync(store)) {
            rmSync(store);
            logger.info(
              previous.failed
                ? 'the last build failed on a citation: re-rendering every note'
                : 'the source registry changed: re-rendering every note',
            );
          }
        }
      },
      // Notes render against the registry, but Vite only knows a note depends on its own
      // text: when the registry changes, compile the notes again and reload the page.
      'astro:server:setup': ({ server, logger }) => {
        const file = registryPath();
        server.watcher.add(file);
        server.watcher.on('change', (changed) => {
          if (resolve(changed) !== file) return;
          for (const environment of Object.values(server.environments)) {
            for (const module of environment.moduleGraph.idToModuleMap.values()) {
              if (/\.mdx?(?:$|\?)/.test(module.id ?? '')) environment.moduleGraph.invalidateModule(module);
            }
          }
          server.ws.send({ type: 'full-reload' });
          logger.info('source registry changed: notes recompile on the next request');
        });
      },
      // `.md` notes render during content sync, where Astro only logs a plugin error.
      'astro:build:start': () => {
        const failures = recordedFailures();
        writeStamp(failures.length > 0);
        if (failures.length > 0) throw new ContentError('citation', failures);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const cited = new Set(
          htmlFiles(outDir).flatMap((file) => citedIdsIn(readFileSync(join(outDir, file), 'utf8'))),
        );
        const registry = loadRegistry();
        for (const warning of unusedSourceWarnings(registry, cited)) logger.warn(warning);
        logger.info(`${registry.sources.length} sources registered, ${cited.size} cited`);
      },
    },
  };
}
