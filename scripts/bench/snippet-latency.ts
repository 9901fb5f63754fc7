/**
 * Median click-to-first-output of a trivial snippet (`console.log('ready')`)
 * in headless Chromium, on the built site served by `astro preview`.
 *   cold: a freshly loaded page, Run clicked right after `load` (the runner
 *         chunk and its worker may still be loading);
 *   warm: Run clicked again on the same page.
 * Usage: npm run build && npm run bench:snippets   (served on a free port)
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from '../lib/chromium.ts';
import { site } from '../../src/site.ts';

const base = site.base.replace(/\/?$/, '/');
const NOTE = `${base}introduction/concurrency-vs-parallelism/`;
const ROUNDS = 15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

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

const server = await startPreview({ base });
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(server.origin + NOTE, { waitUntil: 'load' });
    cold.push(await clickToFirstOutput(page));
    await page.waitForTimeout(100);
    warm.push(await clickToFirstOutput(page));
  }
  await browser.close();
  console.log(`Click to first output, trivial snippet, headless Chromium, median of ${ROUNDS}:`);
  console.log(`  cold (first Run right after load): ${median(cold).toFixed(1)} ms`);
  console.log(`  warm (Run again on the same page): ${median(warm).toFixed(1)} ms`);
} finally {
  await server.stop();
}
