/**
 * Python snippets in headless Chromium, on the built site served by `astro preview`:
 *   - bytes fetched for the first Python run: as served, and gzip -9 of the same files
 *     (what a host that compresses sends);
 *   - cold: a fresh browser profile (empty HTTP cache), Run clicked right after `load`,
 *     ms until the first output line (CPython download, compile and start included);
 *   - warm: Run clicked again on the same page, median of ROUNDS;
 *   - the Python version the page runs.
 * Usage: npm run build && npm run bench:python   (PORT=4329, COLD_ROUNDS=2, ROUNDS=15)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumExecutable } from '../lib/chromium.ts';

const PORT = Number(process.env.PORT ?? process.env.E2E_PORT ?? 4329);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const NOTE = `${ORIGIN}/introduction/what-is-asyncio/`;
const COLD_ROUNDS = Number(process.env.COLD_ROUNDS ?? 2);
const ROUNDS = Number(process.env.ROUNDS ?? 15);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}`);
}

/** Runs `code` in the first Python snippet (through its editor-free path) and returns ms to its first output line. */
function clickToFirstOutput(page: Page, code: string): Promise<{ ms: number; text: string }> {
  return page.evaluate(
    (code) =>
      new Promise<{ ms: number; text: string }>((resolve) => {
        const snippet = document.querySelector<HTMLElement>('.snippet[data-snippet-lang="python"]')!;
        snippet.querySelector('figure.code pre code')!.textContent = code;
        const panel = snippet.querySelector('.snippet-output')!;
        const observer = new MutationObserver(() => {
          const line = panel.querySelector('.snippet-line .snippet-text');
          if (!line) return;
          observer.disconnect();
          resolve({ ms: performance.now() - start, text: line.textContent ?? '' });
        });
        observer.observe(panel, { childList: true, subtree: true });
        const start = performance.now();
        snippet.querySelector<HTMLButtonElement>('button[data-action="run"]')!.click();
      }),
    code,
  );
}

const server = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--headless', '--no-sandbox'] });
  const cold: number[] = [];
  const warm: number[] = [];
  let fetched = new Map<string, number>();
  let version = '';
  for (let round = 0; round < COLD_ROUNDS; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(NOTE, { waitUntil: 'load' });
    const requests = new Map<string, number>();
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => requests.set(new URL(request.url()).pathname, sizes.responseBodySize));
    });
    cold.push((await clickToFirstOutput(page, "print('ready')")).ms);
    fetched = requests;
    version ||= (await clickToFirstOutput(page, 'import sys; print(sys.version.split()[0])')).text;
    if (round === 0) {
      for (let warmRound = 0; warmRound < ROUNDS; warmRound++) {
        await page.waitForTimeout(100);
        warm.push((await clickToFirstOutput(page, "print('ready')")).ms);
      }
    }
    await context.close();
  }
  await browser.close();

  let served = 0;
  let gzipped = 0;
  console.log('Fetched for the first Python run (besides the page itself):');
  for (const [path, bytes] of [...fetched].sort()) {
    if (!path.startsWith('/')) continue; // the blob: URL the worker starts from
    const gz = gzipSync(readFileSync(`dist${path}`), { level: 9 }).length;
    served += bytes;
    gzipped += gz;
    console.log(`  ${path.padEnd(60)} ${kB(bytes).padStart(11)} served, ${kB(gz).padStart(10)} gz`);
  }
  console.log(`  total ${kB(served)} served, ${kB(gzipped)} gz`);
  console.log(`Python ${version} (Pyodide), headless Chromium:`);
  console.log(
    `  cold click → first output (empty cache): ${cold.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
  );
  console.log(`  warm click → first output, median of ${ROUNDS}: ${median(warm).toFixed(1)} ms`);
} finally {
  server.kill();
}
