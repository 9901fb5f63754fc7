/**
 * Median click-to-first-output of a trivial snippet (`console.log('ready')`)
 * in headless Chromium, on the built site served by `astro preview`, for what
 * readers do:
 *   tap:   the pointer arrives and clicks at once (a touch screen), so the
 *          runner starts on the click itself — the worst case;
 *   mouse: the pointer rests on the snippet for 300 ms before the click (the
 *          intent that starts the runner's sandbox and spare worker);
 *   warm:  Run clicked again on the same page.
 * Each round loads the page afresh (the HTTP cache stays, as for a reader).
 * Usage: npm run build && npm run bench:snippets   (served on a free port)
 */
import { chromium, type Page } from 'playwright-core';
import { median } from '../lib/median.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from '../lib/chromium.ts';
import { site } from '../../src/site.ts';

const base = site.base.replace(/\/?$/, '/');
const NOTE = `${base}introduction/concurrency-vs-parallelism/`;
const ROUNDS = 15;
const MOUSE_REST_MS = 300;

/** Makes the first snippet trivial and starts timing at the next click on its Run button. */
function armTiming(page: Page): Promise<void> {
  return page.evaluate(() => {
    const snippet = document.querySelector<HTMLElement>('.snippet[data-snippet-js]')!;
    snippet.dataset.snippetJs = "console.log('ready')";
    const panel = snippet.querySelector('.snippet-output')!;
    panel.replaceChildren();
    const run = snippet.querySelector<HTMLButtonElement>('button[data-action="run"]')!;
    const timing = window as unknown as { clickToOutput?: Promise<number> };
    timing.clickToOutput = new Promise<number>((resolve) => {
      // Capture phase on the window: the clock starts before any of the page's own click handlers.
      window.addEventListener(
        'click',
        (event) => {
          if (event.target !== run) return;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!panel.querySelector('.snippet-line')) return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(panel, { childList: true });
        },
        { capture: true, once: true },
      );
    });
  });
}

async function clickToFirstOutput(page: Page, restMs: number | undefined): Promise<number> {
  await armTiming(page);
  const run = page.locator('.snippet[data-snippet-js] button[data-action="run"]').first();
  if (restMs === undefined) await run.click();
  else {
    await run.hover();
    await page.waitForTimeout(restMs);
    await run.click();
  }
  return page.evaluate(() => (window as unknown as { clickToOutput: Promise<number> }).clickToOutput);
}

const server = await startPreview({ base });
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const samples = { tap: [] as number[], mouse: [] as number[], warm: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(server.origin + NOTE, { waitUntil: 'load' });
    // Away from every snippet, so the click below is the pointer's first arrival.
    await page.mouse.move(0, 0);
    samples.tap.push(await clickToFirstOutput(page, undefined));
    await page.goto(server.origin + NOTE, { waitUntil: 'load' });
    await page.mouse.move(0, 0);
    samples.mouse.push(await clickToFirstOutput(page, MOUSE_REST_MS));
    await page.waitForTimeout(MOUSE_REST_MS);
    samples.warm.push(await clickToFirstOutput(page, MOUSE_REST_MS));
  }
  await browser.close();
  console.log(`Click to first output, trivial snippet, headless Chromium, median of ${ROUNDS}:`);
  console.log(`  tap   (pointer arrives and clicks at once):       ${median(samples.tap).toFixed(1)} ms`);
  console.log(`  mouse (pointer rests ${MOUSE_REST_MS} ms, then clicks):       ${median(samples.mouse).toFixed(1)} ms`);
  console.log(`  warm  (Run again on the same page):               ${median(samples.warm).toFixed(1)} ms`);
} finally {
  await server.stop();
}
