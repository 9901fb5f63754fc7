/**
 * The timeline under a run's output (src/features/snippets/timeline/), on the notes' own examples: what a learner
 * should read at a glance from the picture's bars, the table that is its text alternative, and axe. One page load
 * per example page; Python runs only for the gather example, the one its picture must tell apart from TypeScript's.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axe } from './axe';

const WHAT = '/introduction/what-is-asyncio/';
const BUSY = '/introduction/concurrency-vs-parallelism/';
// Loading CPython on this busy machine has taken over a minute (python.spec.ts).
const PYTHON_TIMEOUT = 180_000;

const snippet = (page: Page, title: string) => page.getByRole('group', { name: `Runnable example: ${title}` });
const button = (box: Locator, name: string) => box.getByRole('button', { name, exact: true });

type Period = [number, number];
interface DrawnLane {
  name: string;
  kind: string;
  running: Period[];
  ready: Period[];
  waiting: Period[];
}

/** The lanes as drawn: each bar's period in ms, read from the picture. */
function drawnLanes(box: Locator): Promise<DrawnLane[]> {
  return box.locator('.snippet-timeline svg[role="img"]').evaluate((svg) =>
    [...svg.querySelectorAll('g.timeline-lane')].map((lane) => {
      const bars = (state: string) =>
        [...lane.querySelectorAll(`rect.timeline-${state}`)].map((rect): [number, number] => [
          Number(rect.getAttribute('data-from')),
          Number(rect.getAttribute('data-to')),
        ]);
      return {
        name: lane.getAttribute('data-lane') ?? '',
        kind: /timeline-kind-(\w+)/.exec(lane.getAttribute('class') ?? '')?.[1] ?? '',
        running: bars('running'),
        ready: bars('ready'),
        waiting: bars('waiting'),
      };
    }),
  );
}

const overlap = ([a, b]: Period, [c, d]: Period) => Math.min(b, d) - Math.max(a, c);
const longest = (periods: Period[]) => Math.max(0, ...periods.map(([a, b]) => b - a));

/** The most lanes waiting at one moment (checked at every wait's start), among `lanes`. */
function mostWaitingAtOnce(lanes: DrawnLane[]): number {
  const moments = lanes.flatMap((lane) => lane.waiting.map(([from]) => from + 1));
  return Math.max(
    0,
    ...moments.map((t) => lanes.filter((lane) => lane.waiting.some(([a, b]) => a <= t && t < b)).length),
  );
}

/** Runs the snippet and waits for its timeline. */
async function runAndShow(box: Locator, timeout = 30_000): Promise<Locator> {
  await button(box, 'Run').click();
  await expect(box.locator('.snippet-status')).toHaveText('Finished.', { timeout });
  const fold = box.locator('details.snippet-timeline');
  await expect(fold).toBeVisible();
  return fold;
}

/** The table has one row per lane drawn, named as the lane. */
async function expectTableMatches(fold: Locator, lanes: DrawnLane[]): Promise<void> {
  const table = fold.getByRole('table', { name: 'Each task of the run' });
  await expect(table.locator('tbody tr')).toHaveCount(lanes.length);
  await expect(table.locator('tbody th[scope="row"]')).toHaveText(lanes.map((lane) => lane.name));
  await expect(table.locator('thead th')).toHaveText([
    'Task',
    'Started',
    'Ended',
    'Running',
    'Ready (blocked)',
    'Waiting',
  ]);
}

test('TypeScript: sequential awaits never overlap, Promise.all waits three at once; axe passes', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(WHAT);
  await page.getByRole('tab', { name: 'TypeScript' }).first().click();
  const box = snippet(page, 'Sequential awaits vs Promise.all');
  await expect(box).toBeVisible();
  const fold = await runAndShow(box);
  // Loaded after the run, not with the page: the view's chunk and its stylesheet (a <link>, allowed by the CSP).
  expect(requested.filter((url) => /\/_astro\/(view\.|timeline\.)/.test(url))).toHaveLength(2);
  await expect(page.locator('link[rel="stylesheet"][href*="/_astro/timeline."]')).toHaveCount(1);

  // More than one lane: open at once, named "Timeline…" for assistive technology.
  await expect(fold).toHaveAttribute('open', '');
  await expect(fold.getByRole('img', { name: /^Timeline of the run: \d+ tasks over [\d,]+ ms$/ })).toBeVisible();
  const lanes = await drawnLanes(box);
  const timers = lanes.filter((lane) => lane.kind === 'timer').sort((p, q) => p.waiting[0]![0] - q.waiting[0]![0]);
  expect(timers).toHaveLength(6);
  // One after another: each 1 s wait starts after the one before it ended.
  const sequential = timers.slice(0, 3);
  expect(mostWaitingAtOnce(sequential)).toBe(1);
  expect(sequential.every((lane) => longest(lane.waiting) > 900)).toBe(true);
  // All at once: the three async calls Promise.all awaits, and their three timers, wait side by side.
  expect(mostWaitingAtOnce(timers.slice(3))).toBe(3);
  expect(mostWaitingAtOnce(lanes.filter((lane) => lane.kind === 'task'))).toBe(3);
  await expectTableMatches(fold, lanes);
  await expect(fold.locator('.timeline-output rect.timeline-mark')).toHaveCount(8);
  await expect(fold.getByText(/^Measured in the snippet's sandbox/)).toBeVisible();

  const results = await axe(page).include('.snippet-timeline').analyze();
  expect(results.violations).toEqual([]);

  // The next run replaces it; Reset removes it.
  await button(box, 'Run').click();
  await expect(box.locator('.snippet-timeline')).toHaveCount(0);
  await button(box, 'Stop').click();
  await button(box, 'Edit').click();
  await button(box, 'Reset').click();
  await expect(box.locator('.snippet-timeline')).toHaveCount(0);
});

test('TypeScript busy loop: main runs 300 ms while the 10 ms timer is ready but blocked', async ({ page }) => {
  await page.goto(BUSY);
  await page.getByRole('tab', { name: 'TypeScript' }).first().click();
  const box = snippet(page, 'A busy loop holds up every timer until it yields');
  const fold = await runAndShow(box);
  const lanes = await drawnLanes(box);
  const main = lanes.find((lane) => lane.kind === 'main')!;
  const busy = main.running.find(([a, b]) => b - a >= 280)!;
  expect(busy, 'a running bar of the 300 ms busy loop').toBeDefined();
  const blocked = lanes.filter((lane) => lane.kind === 'timer' && lane.ready.some((p) => overlap(p, busy) >= 250));
  expect(blocked.map((lane) => lane.name)).toHaveLength(1);
  await expectTableMatches(fold, lanes);

  // Folded (as a one-lane run's is), it still prints whole: paper cannot open a fold.
  await fold.evaluate((element: HTMLDetailsElement) => (element.open = false));
  await expect(fold.getByRole('table')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(fold.getByRole('table')).toBeVisible();
  await expect(fold.getByRole('img')).toBeVisible();
  await page.emulateMedia({ media: null });
});

test('Python gather: three tasks wait at once, after the sequential awaits of main', async ({ page }) => {
  test.setTimeout(PYTHON_TIMEOUT + 30_000);
  await page.goto(WHAT);
  const box = snippet(page, 'Sequential awaits vs asyncio.gather');
  const fold = await runAndShow(box, PYTHON_TIMEOUT);
  const lanes = await drawnLanes(box);
  const main = lanes.find((lane) => lane.kind === 'main')!;
  const tasks = lanes.filter((lane) => lane.kind === 'task');
  expect(tasks).toHaveLength(3);
  expect(mostWaitingAtOnce(tasks)).toBe(3);
  // Before gather, main waited three times one after another, each about a second, with no task beside it.
  const firstTask = Math.min(...tasks.map((lane) => lane.waiting[0]![0]));
  const before = main.waiting.filter(([a, b]) => b <= firstTask + 1 && b - a > 900);
  expect(before).toHaveLength(3);
  await expectTableMatches(fold, lanes);
  await expect(fold.getByText(/^Measured by the page's Python/)).toBeVisible();
});
