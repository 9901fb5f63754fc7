import { describe, expect, test } from 'vitest';
import { runInNode, startNodeRun } from './node/runner';
import { timeLimitMessage } from '../../../src/features/snippets/runner/host';
import { OUTPUT_LIMITS, truncationNote, type TimelineTask } from '../../../src/features/snippets/runner/protocol';
import { transpile } from '../../../src/features/snippets/runner/transpile';

const texts = async (code: string, limitMs?: number) => {
  const result = await runInNode(code, limitMs === undefined ? {} : { limitMs });
  return { reason: result.reason, lines: result.lines.map((line) => `${line.level}: ${line.text}`), raw: result.lines };
};

describe('runner in Node', () => {
  test('captures every console level in order, formatted like util.inspect', async () => {
    const { reason, lines } = await texts(`
      console.log('plain', 1, { a: [1, 2] });
      console.info(new Map([['k', new Set([1])]]));
      console.warn('careful');
      console.error(new TypeError('bad'));
    `);
    expect(reason).toBe('finished');
    expect(lines).toEqual([
      'log: plain 1 { a: [ 1, 2 ] }',
      "info: Map(1) { 'k' => Set(1) { 1 } }",
      'warn: careful',
      'error: TypeError: bad',
    ]);
  });

  test('top-level await, timers and elapsed times', async () => {
    const { reason, lines, raw } = await texts(`
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      console.log('start');
      await Promise.all([wait(100), wait(100), wait(100)]);
      console.log('together');
    `);
    expect(reason).toBe('finished');
    expect(lines).toEqual(['log: start', 'log: together']);
    expect(raw[1]!.ms).toBeGreaterThanOrEqual(95);
    expect(raw[1]!.ms).toBeLessThan(400);
  });

  test('waits for timers the snippet did not await', async () => {
    const { lines } = await texts(`setTimeout(() => console.log('later'), 50); console.log('now');`);
    expect(lines).toEqual(['log: now', 'log: later']);
  });

  test('an uncaught exception ends the run with its message', async () => {
    const { reason, lines } = await texts(`console.log('before'); throw new RangeError('out of range');`);
    expect(reason).toBe('failed');
    expect(lines).toEqual(['log: before', 'error: Uncaught RangeError: out of range (line 1, column 30)']);
  });

  test('an exception thrown in a timer is reported', async () => {
    const { reason, lines } = await texts(`setTimeout(() => { throw new Error('late'); }, 10);`);
    expect(reason).toBe('failed');
    expect(lines).toEqual(['error: Uncaught Error: late (line 1, column 26)']);
  });

  test('an unhandled rejection is reported', async () => {
    const { reason, lines } = await texts(
      `Promise.reject(new Error('nobody caught me')); await new Promise((r) => setTimeout(r, 20));`,
    );
    expect(reason).toBe('failed');
    expect(lines).toEqual(['error: Uncaught (in promise) Error: nobody caught me (line 1, column 16)']);
  });

  test('a syntax error is reported, not thrown at the host', async () => {
    const { reason, lines } = await texts(`const = 1;`);
    expect(reason).toBe('failed');
    expect(lines[0]).toMatch(/^error: Uncaught SyntaxError: /);
  });

  test('a busy loop is terminated by the time limit', async () => {
    const started = performance.now();
    const { reason, lines } = await texts(`console.log('spinning'); while (true) {}`, 1500);
    expect(reason).toBe('timeout');
    expect(lines).toEqual(['log: spinning', `error: ${timeLimitMessage(1500)}`]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('stop() ends a run at once', async () => {
    const lines: string[] = [];
    const run = startNodeRun(`console.log('waiting'); await new Promise((r) => setTimeout(r, 60_000));`, {
      onLine: (line) => {
        lines.push(line.text);
        if (line.text === 'waiting') run.stop();
      },
    });
    const result = await run.result;
    expect(result.reason).toBe('stopped');
    expect(lines).toEqual(['waiting', 'Stopped.']);
  });

  test('a never-cleared interval also hits the limit', async () => {
    const { reason } = await texts(`setInterval(() => {}, 10);`, 200);
    expect(reason).toBe('timeout');
  });

  test('a snippet can start Web Workers from a Blob URL', async () => {
    const { reason, lines } = await texts(`
      const url = URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data * 2);'], { type: 'text/javascript' }));
      const worker = new Worker(url);
      const doubled = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); worker.postMessage(21); });
      worker.terminate();
      console.log(doubled);
    `);
    expect(lines).toEqual(['log: 42']);
    expect(reason).toBe('finished');
  });

  test('output stops after OUTPUT_LIMITS.lines lines with a note', async () => {
    const { reason, lines } = await texts(`for (let i = 0; i < 5000; i++) console.log(i);`);
    expect(reason).toBe('finished');
    expect(lines).toHaveLength(OUTPUT_LIMITS.lines + 1);
    expect(lines.at(-2)).toBe(`log: ${OUTPUT_LIMITS.lines - 1}`);
    expect(lines.at(-1)).toBe(`warn: ${truncationNote()}`);
  });

  test('console.count, group and assert', async () => {
    const { lines } = await texts(`
      console.count(); console.count('x'); console.count();
      console.group('outer'); console.log('inner'); console.groupEnd(); console.log('back');
      console.assert(1 === 2, 'math');
    `);
    expect(lines).toEqual([
      'log: default: 1',
      'log: x: 1',
      'log: default: 2',
      'log: outer',
      'log:   inner',
      'log: back',
      'error: Assertion failed: math',
    ]);
  });
});

/** Runs TypeScript the way the page does: transpiled and instrumented first (runner/transpile.ts). */
const runTypeScript = async (source: string) => {
  const transpiled = transpile(source);
  if (!transpiled.ok) throw new Error(transpiled.message);
  const result = await runInNode(transpiled.code);
  return { ...result, texts: result.lines.map((line) => line.text), tasks: result.timeline?.tasks ?? [] };
};

type Period = [number, number];
const total = (periods: readonly Period[]) => periods.reduce((sum, [from, to]) => sum + to - from, 0);
const overlap = (a: Period, b: Period) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
/** A task's waits: its life (created → ended) outside its running periods. */
const waits = (task: TimelineTask): Period[] => {
  const out: Period[] = [];
  let from = task.created;
  for (const [start, end] of [...task.running].sort((a, b) => a[0] - b[0])) {
    if (start > from) out.push([from, start]);
    from = Math.max(from, end);
  }
  if (task.ended !== undefined && task.ended > from) out.push([from, task.ended]);
  return out.filter(([start, end]) => end - start > 20);
};

describe('timeline of a TypeScript run', () => {
  test('sequential awaits wait one after another, Promise.all waits three times at once', async () => {
    const {
      texts: printed,
      tasks,
      timeline,
    } = await runTypeScript(`
      const wait = (label: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(label), ms));
      async function one(label: string) { return await wait(label, 60); }
      for (const label of ['a', 'b', 'c']) console.log(await one(label));
      await Promise.all(['d', 'e', 'f'].map(async (label) => console.log(await wait(label, 60))));
    `);
    expect(printed).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(timeline?.dropped).toBe(0);
    const names = tasks.map((task) => `${task.kind} ${task.name}`);
    expect(names.filter((name) => name.startsWith('task'))).toEqual([
      'task one #1',
      'task one #2',
      'task one #3',
      'task async arrow (line 5) #1',
      'task async arrow (line 5) #2',
      'task async arrow (line 5) #3',
    ]);
    expect(names[0]).toBe('main main');
    expect(names.filter((name) => name.startsWith('timer'))).toHaveLength(6);
    const sequential = tasks.filter((task) => task.name.startsWith('one')).map((task) => waits(task)[0]!);
    const together = tasks.filter((task) => task.name.startsWith('async arrow')).map((task) => waits(task)[0]!);
    for (const [index, wait] of sequential.entries()) {
      if (index > 0) expect(overlap(sequential[index - 1]!, wait)).toBeLessThan(1);
    }
    for (const wait of together.slice(1)) expect(overlap(together[0]!, wait)).toBeGreaterThan(50);
    // Every task ended, and no two lanes ran at the same moment: one thread.
    expect(tasks.every((task) => task.ended !== undefined)).toBe(true);
    const running = tasks.flatMap((task) => task.running).sort((a, b) => a[0] - b[0]);
    for (const [index, period] of running.entries()) {
      if (index > 0) expect(period[0]).toBeGreaterThanOrEqual(running[index - 1]![1] - 1e-6);
    }
  });

  test('a busy loop runs main for 300 ms while the 10 ms timer is ready but blocked', async () => {
    const { tasks } = await runTypeScript(`
      const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) {} };
      setTimeout(() => console.log('first timer'), 10);
      busy(300);
    `);
    const [main, timer] = tasks;
    expect(main?.kind).toBe('main');
    expect(total(main!.running)).toBeGreaterThanOrEqual(295);
    expect(timer).toMatchObject({ kind: 'timer', name: 'setTimeout 10 ms' });
    const [ready] = timer!.ready;
    expect(ready![0]).toBeLessThan(60);
    expect(ready![1]).toBeGreaterThanOrEqual(295);
    expect(timer!.running[0]![0]).toBeGreaterThanOrEqual(ready![1]);
  });

  test('a worker is busy from a message to it until its reply, two at once in parallel', async () => {
    const { tasks } = await runTypeScript(`
      const url = URL.createObjectURL(new Blob(['onmessage = (e) => { const end = Date.now() + e.data; while (Date.now() < end) {} postMessage(0); };'], { type: 'text/javascript' }));
      const work = (ms: number) => new Promise((resolve) => { const worker = new Worker(url); worker.onmessage = () => { worker.terminate(); resolve(ms); }; worker.postMessage(ms); });
      await Promise.all([work(200), work(200)]);
    `);
    const workers = tasks.filter((task) => task.kind === 'worker');
    expect(workers.map((worker) => worker.name)).toEqual(['Worker #1', 'Worker #2']);
    for (const worker of workers) {
      expect(total(worker.running)).toBeGreaterThanOrEqual(195);
      expect(worker.ended).toBeDefined();
    }
    expect(overlap(workers[0]!.running[0]!, workers[1]!.running[0]!)).toBeGreaterThan(150);
  });

  test('keeps 40 lanes and counts the tasks past them', async () => {
    const {
      tasks,
      timeline,
      texts: printed,
    } = await runTypeScript(`
      async function serve(id: number) { await null; return id; }
      const ids = await Promise.all(Array.from({ length: 100 }, (_, id) => serve(id)));
      console.log(ids.length);
    `);
    expect(printed).toEqual(['100']);
    expect(tasks).toHaveLength(40);
    expect(timeline?.dropped).toBe(61);
  });

  test("a snippet cannot replace the recorder, and calling it spoils only its own run's picture", async () => {
    const { texts: printed, reason } = await runTypeScript(`
      (globalThis as any).__timeline = null;
      (globalThis as any).__timeline.end(0);
      async function f() { await null; return 'still works'; }
      console.log(await f());
    `);
    expect(reason).toBe('finished');
    expect(printed).toEqual(['still works']);
  });
});

describe('runtime errors name the snippet line and column', () => {
  test('thrown at the top level, in an async function, and in a timer', async () => {
    const sync = await runTypeScript("const x: any = 1;\nconsole.log('before');\nconst y: number = x();");
    expect(sync.texts).toEqual(['before', 'Uncaught TypeError: x is not a function (line 3, column 19)']);
    const nested = await runTypeScript(
      'async function load(url: string): Promise<string> {\n  await null;\n  throw new Error(`cannot load ${url}`);\n}\nawait load("a");',
    );
    expect(nested.texts).toEqual(['Uncaught Error: cannot load a (line 3, column 9)']);
    const rejected = await runTypeScript(
      'const late = async (): Promise<void> => { await null; (null as any).x; };\nvoid late();\nawait new Promise((r) => setTimeout(r, 20));',
    );
    expect(rejected.texts).toEqual([
      "Uncaught (in promise) TypeError: Cannot read properties of null (reading 'x') (line 1, column 69)",
    ]);
    const timer = await runTypeScript('setTimeout(() => {\n  const n: any = undefined;\n  n.go();\n}, 5);');
    expect(timer.texts).toEqual([
      "Uncaught TypeError: Cannot read properties of undefined (reading 'go') (line 3, column 5)",
    ]);
  });

  test('a thrown value that is no Error has no position to give', async () => {
    const { texts: printed } = await runTypeScript("throw 'plain';");
    expect(printed).toEqual(["Uncaught 'plain'"]);
  });
});
