import { describe, expect, test } from 'vitest';
import { runInNode, startNodeRun } from './node/runner';
import { timeLimitMessage } from '../../../src/features/snippets/runner/host';
import { OUTPUT_LIMITS, truncationNote } from '../../../src/features/snippets/runner/protocol';

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
    expect(lines).toEqual(['log: before', 'error: Uncaught RangeError: out of range']);
  });

  test('an exception thrown in a timer is reported', async () => {
    const { reason, lines } = await texts(`setTimeout(() => { throw new Error('late'); }, 10);`);
    expect(reason).toBe('failed');
    expect(lines).toEqual(['error: Uncaught Error: late']);
  });

  test('an unhandled rejection is reported', async () => {
    const { reason, lines } = await texts(
      `Promise.reject(new Error('nobody caught me')); await new Promise((r) => setTimeout(r, 20));`,
    );
    expect(reason).toBe('failed');
    expect(lines).toEqual(['error: Uncaught (in promise) Error: nobody caught me']);
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
