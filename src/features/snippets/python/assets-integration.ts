import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIPPED, PYODIDE_DIR, PYODIDE_FILES, servedName } from './assets';
import { precompiledStdlib } from './precompiled-stdlib';

const packageDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
// Gzipping the wasm and precompiling the standard library (precompiled-stdlib.ts) cost seconds of CPU: done once per
// file content, then reused by every build. Beside the real package (not under the working directory), so the project
// copies the CLI tests build in share it.
const gzipCache = join(packageDir, '..', '.cache', 'asyncio-notes', 'pyodide');

/** The gzipped copy of `source`, made on first use and named by its content's hash. */
function gzipped(source: string, name: string): string {
  const bytes = readFileSync(source);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const zipped = join(gzipCache, `${hash}-${name}`);
  if (!existsSync(zipped)) {
    mkdirSync(gzipCache, { recursive: true });
    // Written beside under a name of its own, then renamed: builds running side by side never read a partial file.
    const partial = `${zipped}.${process.pid}.partial`;
    writeFileSync(partial, gzipSync(bytes, { level: 9 }));
    renameSync(partial, zipped);
  }
  return zipped;
}

/** Where each file the site serves under PYODIDE_DIR is on disk, by its served name. */
export function servedPyodideFiles(): Map<string, string> {
  return new Map(
    PYODIDE_FILES.map((name) => {
      if (name === 'python_stdlib.zip') return [name, precompiledStdlib(packageDir, gzipCache)];
      const source = join(packageDir, name);
      return GZIPPED.includes(name) ? [servedName(name), gzipped(source, servedName(name))] : [name, source];
    }),
  );
}

/** Bytes the page reads for the first Python run, as served, for the progress bar. */
export const pyodideFetchBytes = (files = servedPyodideFiles()): number =>
  [...files.values()].reduce((sum, file) => sum + statSync(file).size, 0);

const contentTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.gz': 'application/gzip',
};

/**
 * Self-hosted CPython: copies Pyodide's runtime files from node_modules into
 * `dist/pyodide/<version>/` (and serves them from there in `npm run dev`), and
 * gives the page the download size for its progress bar. Nothing here is
 * fetched until a reader runs (or reaches for) a Python snippet.
 */
export function pythonAssets(): AstroIntegration {
  const files = servedPyodideFiles();
  return {
    name: 'asyncio-notes:python-assets',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            define: { __PYODIDE_FETCH_BYTES__: JSON.stringify(pyodideFetchBytes(files)) },
            // The Python island's script stays a file: inlined, its hash would join the CSP of every page,
            // and pages without Python snippets would grow. Everything else keeps the default rule.
            build: { assetsInlineLimit: (file: string) => (file.includes('PythonSnippets.astro') ? false : undefined) },
            plugins: [
              {
                name: 'asyncio-notes:python-assets-dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = request.url?.split('?')[0] ?? '';
                    const prefix = `${base}${PYODIDE_DIR}`;
                    const file = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
                    if (!file) return next();
                    response.setHeader('Content-Type', contentTypes[file.slice(file.lastIndexOf('.'))] ?? '');
                    createReadStream(file).pipe(response);
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
        await Promise.all([...files].map(([name, file]) => copyFile(file, new URL(name, target))));
        logger.info(`Pyodide runtime (${files.size} files) → ${PYODIDE_DIR}`);
      },
    },
  };
}
