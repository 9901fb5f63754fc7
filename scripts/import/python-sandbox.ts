/**
 * The importer's Python sandbox: imported notes come from strangers, so their
 * Python blocks run where readers run them — in Chromium, behind the page's
 * sandboxed frame (opaque origin, no request, no storage) — never in Node,
 * whose Pyodide could reach `process` through any JavaScript object.
 *
 * Builds the headless runner page (src/features/snippets/python/headless/)
 * with Vite, serves it with the Python frame and Pyodide's files from
 * node_modules on 127.0.0.1, and runs each block through it.
 */
import { createReadStream, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { HeadlessResult } from '../../src/features/snippets/python/headless/host.ts';
import { buildSandboxFrame } from '../../src/features/snippets/sandbox-frame.ts';
import { PYODIDE_DIR } from '../../src/features/snippets/python/assets.ts';
import { pyodideFetchBytes, servedPyodideFiles } from '../../src/features/snippets/python/assets-integration.ts';
import { OUTPUT_CHECK_FLAGS, chromiumExecutable } from '../lib/chromium.ts';
import { scratchDir } from '../lib/scratch.ts';

const hostDir = fileURLToPath(new URL('../../src/features/snippets/python/headless/', import.meta.url));
const pyodideFiles = servedPyodideFiles();

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.gz': 'application/gzip',
};

export interface PythonSandbox {
  run(code: string, limitMs: number): Promise<HeadlessResult>;
  close(): Promise<void>;
}

/** Builds the runner page into a scratch folder; the frame's name is passed in as the site's build does. */
async function buildHostPage(frameFile: string): Promise<string> {
  const outDir = resolve(scratchDir('python-sandbox'));
  await build({
    configFile: false,
    root: hostDir,
    base: '/',
    logLevel: 'error',
    define: {
      __PYTHON_SANDBOX_FRAME__: JSON.stringify(`_astro/${frameFile}`),
      // The TypeScript runner's frame, which this page never opens (session.ts shares its frame host).
      __SNIPPET_SANDBOX_FRAME__: JSON.stringify('_astro/unused.html'),
      __PYODIDE_FETCH_BYTES__: JSON.stringify(pyodideFetchBytes(pyodideFiles)),
    },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return outDir;
}

/** The file a path names: the frame, one of Pyodide's files, or the built page; nothing outside them. */
function fileFor(path: string, outDir: string): string | undefined {
  const prefix = `/${PYODIDE_DIR}`;
  const pyodideFile = path.startsWith(prefix) ? pyodideFiles.get(path.slice(prefix.length)) : undefined;
  if (pyodideFile) return pyodideFile;
  const file = join(outDir, normalize(path === '/' ? '/index.html' : path));
  return file.startsWith(outDir) ? file : undefined;
}

function serve(outDir: string, frame: { file: string; html: string }): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === `/_astro/${frame.file}`) {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html']! }).end(frame.html);
      return;
    }
    const file = fileFor(path, outDir);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const stream = createReadStream(file);
    stream.once('error', () => response.writeHead(404).end());
    stream.once('open', () => {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      stream.pipe(response);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** Starts the sandbox: the runner page in headless Chromium; each run gets a fresh interpreter (python/session.ts). */
export async function openPythonSandbox(): Promise<PythonSandbox> {
  const frame = buildSandboxFrame('python');
  const outDir = await buildHostPage(frame.file);
  const { server, origin } = await serve(outDir, frame);
  let browser: Browser | undefined;
  let page: Page;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: OUTPUT_CHECK_FLAGS });
    page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
  return {
    run: (code, limitMs) =>
      page.evaluate(([code, limitMs]) => window.runPythonSnippet(code, limitMs), [code, limitMs] as const),
    close: async () => {
      await browser?.close();
      await new Promise((done) => server.close(done));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
