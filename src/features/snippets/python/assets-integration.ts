import type { AstroIntegration } from 'astro';
import { createReadStream, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PYODIDE_DIR, PYODIDE_FILES } from './assets';

const packageDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

/** Bytes the worker fetches while loading (the .mjs files are imported, not fetched), for the progress bar. */
export const pyodideFetchBytes = (): number =>
  PYODIDE_FILES.filter((file) => !file.endsWith('.mjs'))
    .map((file) => statSync(join(packageDir, file)).size)
    .reduce((sum, size) => sum + size, 0);

const contentTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

/**
 * Self-hosted CPython: copies Pyodide's runtime files from node_modules into
 * `dist/pyodide/<version>/` (and serves them from there in `npm run dev`), and
 * gives the page the download size for its progress bar. Nothing here is
 * fetched until a reader runs (or reaches for) a Python snippet.
 */
export function pythonAssets(): AstroIntegration {
  return {
    name: 'asyncio-notes:python-assets',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            define: { __PYODIDE_FETCH_BYTES__: JSON.stringify(pyodideFetchBytes()) },
            // The Python island's script stays a file: inlined, its hash would join the CSP of every page,
            // and pages without Python snippets would grow. Everything else keeps the default rule.
            build: { assetsInlineLimit: (file: string) => (file.includes('PythonSnippets.astro') ? false : undefined) },
            plugins: [
              {
                name: 'asyncio-notes:python-assets-dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = request.url?.split('?')[0] ?? '';
                    const file = PYODIDE_FILES.find((name) => path === `${base}${PYODIDE_DIR}${name}`);
                    if (!file) return next();
                    response.setHeader('Content-Type', contentTypes[file.slice(file.lastIndexOf('.'))] ?? '');
                    createReadStream(join(packageDir, file)).pipe(response);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = new URL(PYODIDE_DIR, dir);
        await mkdir(target, { recursive: true });
        await Promise.all(PYODIDE_FILES.map((file) => copyFile(join(packageDir, file), new URL(file, target))));
        logger.info(`Pyodide runtime (${PYODIDE_FILES.length} files) → ${PYODIDE_DIR}`);
      },
    },
  };
}
