/**
 * Median click-to-first-output of a trivial snippet (`console.log('ready')`)
 * in headless Chromium, on the built site served by `astro preview`.
 *   cold: a freshly loaded page, Run clicked right after `load` (the runner
 *         chunk and its worker may still be loading);
 *   warm: Run clicked again on the same page.
 * Usage: npm run build && npm run bench:snippets   (PORT=4329 by default)
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { chromiumExecutable } from '../lib/chromium.ts';

const PORT = Number(process.env.PORT ?? process.env.E2E_PORT ?? 4329);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const NOTE = `${ORIGIN}/introduction/concurrency-vs-parallelism/`;
const ROUNDS = 15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

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

/** Clicks Run on the first snippet (made trivial) and returns ms until its first output line. */
function clickToFirstOutput(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const snippet = document.querySelector<HTMLElement>('.snippet')!;
        snippet.dataset.snippetJs = "console.log('ready')";
        const panel = snippet.querySelector('.snippet-output')!;
        const observer = new MutationObserver(() => {
          if (!panel.querySelector('.snippet-line')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(panel, { childList: true });
        const start = performance.now();
        snippet.querySelector<HTMLButtonElement>('button[data-action="run"]')!.click();
      }),
  );
}

const server = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--headless', '--no-sandbox'] });
  const page = await browser.newPage();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(NOTE, { waitUntil: 'load' });
    cold.push(await clickToFirstOutput(page));
    await page.waitForTimeout(100);
    warm.push(await clickToFirstOutput(page));
  }
  await browser.close();
  console.log(`Click to first output, trivial snippet, headless Chromium, median of ${ROUNDS}:`);
  console.log(`  cold (first Run right after load): ${median(cold).toFixed(1)} ms`);
  console.log(`  warm (Run again on the same page): ${median(warm).toFixed(1)} ms`);
} finally {
  server.kill();
}
