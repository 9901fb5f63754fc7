/**
 * Python snippets in headless Chromium, on the built site served by `astro preview`:
 *   - bytes fetched for the first Python run: as served, and gzip -9 of the same files
 *     (what a host that compresses sends);
 *   - cold: a fresh browser profile (empty HTTP cache), the pointer arrives on Run and
 *     clicks at once (no intent before the click), ms until the first output line
 *     (CPython download, compile and start included), and when the last byte of the
 *     wasm arrived (download and compile overlap when the first line comes soon after);
 *   - warm: Run clicked again on the same page, median of ROUNDS;
 *   - the Python version the page runs.
 * Usage: npm run build && npm run bench:python   (COLD_ROUNDS=3, ROUNDS=15, READ_MS=5000; DIST=folder serves
 * another build than dist/, e.g. a copy of the one before a change, for rounds that alternate before and after)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { median } from '../lib/median.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from '../lib/chromium.ts';
import { site } from '../../src/site.ts';

const base = site.base.replace(/\/?$/, '/');
const NOTE = `${base}introduction/what-is-asyncio/`;
const COLD_ROUNDS = Number(process.env.COLD_ROUNDS ?? 3);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const READ_MS = Number(process.env.READ_MS ?? 5000);
const DIST = process.env.DIST ?? 'dist';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Timing {
  /** Click → first output line. */
  ms: number;
  /** Click → last byte of pyodide.asm.wasm(.gz), when this run fetched it. */
  wasmMs: number | undefined;
  /** Click → each phase the progress line showed first ("Starting Python 2/4": its second start step). */
  phases: Record<string, number>;
  text: string;
}

/** Puts `code` in the first Python snippet, clicks its Run with a real pointer and times the first output line. */
async function clickToFirstOutput(page: Page, code: string): Promise<Timing> {
  await page.evaluate((code) => {
    const snippet = document.querySelector<HTMLElement>('.snippet[data-snippet-lang="python"]')!;
    snippet.querySelector('figure.code pre code')!.textContent = code;
    const panel = snippet.querySelector('.snippet-output')!;
    panel.replaceChildren();
    const run = snippet.querySelector('button[data-action="run"]')!;
    const timing = window as unknown as { firstOutput?: Promise<Timing> };
    timing.firstOutput = new Promise<Timing>((resolve) => {
      window.addEventListener(
        'click',
        (event) => {
          if (event.target !== run) return;
          const start = performance.now();
          const phases: Record<string, number> = {};
          const observer = new MutationObserver(() => {
            const status = panel.querySelector('.snippet-progress');
            const phase = /^\w+ Python/.exec(status?.textContent ?? '')?.[0];
            const bar = status?.querySelector('progress');
            const step =
              phase && !phase.startsWith('Downloading') && bar?.hasAttribute('value') ? ` ${bar.value}/${bar.max}` : '';
            if (phase) phases[phase + step] ??= performance.now() - start;
            const line = panel.querySelector('.snippet-line .snippet-text');
            if (!line) return;
            observer.disconnect();
            const wasm = performance
              .getEntriesByType('resource')
              .find((entry) => entry.name.includes('pyodide.asm.wasm') && entry.startTime >= start) as
              PerformanceResourceTiming | undefined;
            resolve({
              ms: performance.now() - start,
              wasmMs: wasm && wasm.responseEnd - start,
              phases,
              text: line.textContent ?? '',
            });
          });
          observer.observe(panel, { childList: true, subtree: true, characterData: true, attributes: true });
        },
        { capture: true, once: true },
      );
    });
  }, code);
  await page.locator('.snippet[data-snippet-lang="python"] button[data-action="run"]').first().click();
  return page.evaluate(() => (window as unknown as { firstOutput: Promise<Timing> }).firstOutput);
}

const server = await startPreview({ base, ...(process.env.DIST && { outDir: process.env.DIST }) });
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  const cold: Timing[] = [];
  const warm: number[] = [];
  const atOnce: number[] = [];
  let fetched = new Map<string, number>();
  let version = '';
  for (let round = 0; round < COLD_ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.origin + NOTE, { waitUntil: 'load' });
    await page.mouse.move(0, 0);
    const requests = new Map<string, number>();
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => requests.set(new URL(request.url()).pathname, sizes.responseBodySize));
    });
    cold.push(await clickToFirstOutput(page, "print('ready')"));
    fetched = requests;
    version ||= (await clickToFirstOutput(page, 'import sys; print(sys.version.split()[0])')).text;
    if (round === 0) {
      for (let warmRound = 0; warmRound < ROUNDS; warmRound++) {
        await page.waitForTimeout(READ_MS);
        warm.push((await clickToFirstOutput(page, "print('ready')")).ms);
      }
      for (let warmRound = 0; warmRound < ROUNDS; warmRound++) {
        await page.waitForTimeout(100);
        atOnce.push((await clickToFirstOutput(page, "print('ready')")).ms);
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
    const gz = gzipSync(readFileSync(`${DIST}${path.slice(base.length - 1)}`), { level: 9 }).length;
    served += bytes;
    gzipped += gz;
    console.log(`  ${path.padEnd(60)} ${kB(bytes).padStart(11)} served, ${kB(gz).padStart(10)} gz`);
  }
  console.log(`  total ${kB(served)} served, ${kB(gzipped)} gz`);
  console.log(`Python ${version} (Pyodide), headless Chromium:`);
  console.log(`  cold click → first output (empty cache): ${cold.map(({ ms }) => seconds(ms)).join(', ')}`);
  console.log(
    `    of which until the wasm's last byte:   ${cold.map(({ wasmMs }) => (wasmMs === undefined ? '–' : seconds(wasmMs))).join(', ')}`,
  );
  console.log('    phases the progress line showed (ms after the click):');
  for (const { phases } of cold)
    console.log(
      `      ${
        Object.entries(phases)
          .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
          .join(' · ') || '–'
      }`,
    );
  console.log(`  warm click → first output, median of ${ROUNDS}:`);
  console.log(`    after ${READ_MS / 1000} s of reading the last output: ${median(warm).toFixed(1)} ms`);
  console.log(`    100 ms after the last run ended:       ${median(atOnce).toFixed(1)} ms`);
} finally {
  await server.stop();
}
