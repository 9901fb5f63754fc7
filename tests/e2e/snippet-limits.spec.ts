import { gunzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { prepareSandbox, runInPage } from './sandbox-helpers';

/**
 * Output floods are cut where the page receives them, and written a slice per
 * animation frame: the page's main thread never blocks for 100 ms while one
 * arrives (measured from a Chromium trace, the sandbox frame's thread included).
 */
const NOTE = '/introduction/concurrency-vs-parallelism/';
const TRUNCATED = '… output truncated: a run shows at most 1,000 lines and 1,000,000 characters.';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

/**
 * The longest task on the renderer's main threads while `work` runs, in ms of
 * the thread's own CPU time (the trace's `tdur`): on a machine shared by many
 * processes a task's wall time mostly measures waiting for a core. Tasks that
 * only serve the test's DevTools commands are left out.
 */
async function longestTask(page: Page, work: () => Promise<void>): Promise<{ cpu: number; wall: number }> {
  // The page's own session, as Playwright's startTracing(page) used: the trace holds its processes, not the browser's.
  const cdp = await page.context().newCDPSession(page);
  // 'toplevel' alone has the tasks, their thread time and the DevTools tasks to leave out; the timeline category
  // added an event per script call and made tracing the 200,000-message flood take 28 s instead of 11. The trace
  // comes gzipped, in large reads: the flood's is 90 MB of JSON, which took 8 s to fetch as Playwright's artifact.
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    streamCompression: 'gzip',
    traceConfig: { includedCategories: ['toplevel'] },
  });
  await work();
  const [{ stream }] = await Promise.all([
    new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve)),
    cdp.send('Tracing.end'),
  ]);
  const chunks: Buffer[] = [];
  for (let eof = false; !eof;) {
    const read = await cdp.send('IO.read', { handle: stream!, size: 16 << 20 });
    chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
    eof = read.eof;
  }
  await cdp.send('IO.close', { handle: stream! });
  await cdp.detach();
  const { traceEvents } = JSON.parse(gunzipSync(Buffer.concat(chunks)).toString()) as { traceEvents: TraceEvent[] };
  const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const mains = new Set(
    traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread),
  );
  const devtools = traceEvents.filter(
    (e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
  );
  const tasks = traceEvents.filter(
    (task) =>
      task.ph === 'X' &&
      task.name === 'ThreadControllerImpl::RunTask' &&
      mains.has(thread(task)) &&
      !devtools.some((d) => thread(d) === thread(task) && d.ts >= task.ts && d.ts <= task.ts + (task.dur ?? 0)),
  );
  expect(tasks.length).toBeGreaterThan(10);
  // A loop, not Math.max(...tasks): a long trace holds more tasks than a call's arguments may.
  let cpu = 0;
  let wall = 0;
  for (const task of tasks) {
    cpu = Math.max(cpu, (task.tdur ?? task.dur ?? 0) / 1000);
    wall = Math.max(wall, (task.dur ?? 0) / 1000);
  }
  return { cpu, wall };
}

const floods = [
  {
    name: '200,000 direct self.postMessage calls',
    code: "for (let i = 0; i < 200000; i++) self.postMessage(i);\nconsole.log('posted');",
    // Such messages go to the frame's Worker object, which no one reads: the page shows none of them. On a busy
    // machine the 10 s time limit can come before the code ends, or after 'posted' while the run's end still waits
    // behind the flood in the worker's queue; any of these is fine here, as long as nothing else shows.
    check: (lines: string[]) =>
      expect([['posted'], ['posted', 'limit'], ['limit']]).toContainEqual(
        lines.map((line) => (line.includes('the time limit') ? 'limit' : line)),
      ),
  },
  {
    name: 'one 50 MB line',
    code: "console.log('x'.repeat(50_000_000));",
    check: (lines: string[]) => {
      expect(lines.map((line) => line.length)).toEqual([TRUNCATED.length, 1_000_000]);
      expect(lines[0]).toBe(TRUNCATED);
      expect(/^x+$/.test(lines[1]!)).toBe(true);
    },
  },
  {
    name: '1,000 lines of 200 kB',
    code: "const line = 'y'.repeat(200_000);\nfor (let i = 0; i < 1000; i++) console.log(line);",
    check: (lines: string[]) => {
      expect(lines.map((line) => line.length)).toEqual([TRUNCATED.length, 200_000, 200_000, 200_000, 200_000, 200_000]);
      expect(lines[0]).toBe(TRUNCATED);
    },
  },
  {
    name: '100,000 short lines',
    code: 'for (let i = 0; i < 100000; i++) console.log(i);',
    check: (lines: string[]) => {
      expect(lines).toHaveLength(1001);
      expect(lines[0]).toBe(TRUNCATED);
      expect(lines[1000]).toBe('999');
    },
  },
];

for (const flood of floods) {
  test(`${flood.name}: capped at the host, shown truncated, no task over 100 ms`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(NOTE);
    await prepareSandbox(page);
    let lines: string[] = [];
    const longest = await longestTask(page, async () => {
      lines = await runInPage(page, flood.code);
    });
    console.log(
      `${flood.name}: longest main-thread task ${longest.cpu.toFixed(1)} ms CPU (${longest.wall.toFixed(1)} ms wall)`,
    );
    flood.check(lines);
    expect(longest.cpu).toBeLessThan(100);
    await expect(page.locator('.snippet').first()).toHaveAttribute('data-run-result', /^(finished|timeout)$/);
  });
}

const VIEWPORT = { width: 1280, height: 800 };
/** How far the box is from showing its last line, and from its first, in px. */
const scrollState = (panel: Locator) =>
  panel.evaluate((element) => ({
    fromBottom: element.scrollHeight - element.scrollTop - element.clientHeight,
    fromTop: element.scrollTop,
  }));

test('5,000 printed lines: the box scrolls inside itself, the cut note comes first, without a time', async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORT);
  await page.goto(NOTE);
  await prepareSandbox(page);
  const box = page.locator('.snippet[data-snippet-js]').first();
  const panel = box.locator('.snippet-output');
  // The page's height is logged for the report; what holds it is the box's own cap.
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  const before = await pageHeight();
  const lines = await runInPage(page, 'for (let i = 0; i < 5000; i++) console.log(i);', box);
  const height = await panel.evaluate((element) => element.getBoundingClientRect().height);
  const after = await pageHeight();
  console.log(`5,000 lines: output box ${height.toFixed(0)} px, page ${before} → ${after} px`);
  expect(height).toBeLessThanOrEqual(VIEWPORT.height * 0.6 + 1);
  expect(lines).toHaveLength(1001);
  expect([lines[0], lines[1], lines[1000]]).toEqual([TRUNCATED, '0', '999']);
  const notice = panel.locator('.snippet-line').first();
  await expect(notice.locator('.snippet-ms')).toHaveCount(0);
  await expect(panel.locator('.snippet-ms')).toHaveCount(1000);
  // The box followed the lines to the last one, and the note stays in sight at its top.
  expect((await scrollState(panel)).fromBottom).toBeLessThanOrEqual(4);
  const [noticeTop, panelTop] = await Promise.all(
    [notice, panel].map((l) => l.evaluate((e) => e.getBoundingClientRect().top)),
  );
  expect(Math.abs(noticeTop! - panelTop!)).toBeLessThanOrEqual(2);
  // The keyboard scrolls it: the box takes focus, Home goes to the first line.
  await panel.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await scrollState(panel)).fromTop).toBe(0);
});

test('the box follows the newest line unless the reader scrolled up, and again once back at the bottom', async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORT);
  await page.goto(NOTE);
  await prepareSandbox(page);
  const box = page.locator('.snippet[data-snippet-js]').first();
  const panel = box.locator('.snippet-output');
  await box.evaluate((element: HTMLElement) => {
    element.dataset.snippetJs =
      'for (let i = 0; ; i++) { console.log(i); await new Promise((resolve) => setTimeout(resolve, 20)); }';
  });
  await box.getByRole('button', { name: 'Run', exact: true }).click();
  const count = () => panel.locator('.snippet-line').count();
  const moreLines = async () => {
    const now = await count();
    await expect.poll(count).toBeGreaterThan(now + 10);
  };
  await expect.poll(async () => (await scrollState(panel)).fromTop).toBeGreaterThan(100);
  await moreLines();
  expect((await scrollState(panel)).fromBottom).toBeLessThanOrEqual(4);
  await panel.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await scrollState(panel)).fromTop).toBe(0);
  await moreLines();
  expect((await scrollState(panel)).fromTop).toBe(0);
  await page.keyboard.press('End');
  await expect.poll(async () => (await scrollState(panel)).fromBottom).toBeLessThanOrEqual(4);
  await moreLines();
  expect((await scrollState(panel)).fromBottom).toBeLessThanOrEqual(4);
  await box.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(box).toHaveAttribute('data-run-result', 'stopped');
});
