import { describe, expect, test } from 'vitest';
import { startRun, type SandboxWorker } from '../../../src/features/snippets/runner/host';
import { checkTimeline, plainName, TIMELINE_LIMITS } from '../../../src/features/snippets/timeline/check';

const task = (overrides: Record<string, unknown> = {}) => ({
  id: 1,
  name: 'main',
  kind: 'main',
  created: 0,
  ended: 100,
  running: [[0, 10]],
  ready: [[10, 20]],
  ...overrides,
});

describe('checkTimeline: only the protocol shape passes, within the run and the caps', () => {
  test('a well-formed timeline passes as it is', () => {
    const checked = checkTimeline({ tasks: [task()], dropped: 0 }, 200);
    expect(checked).toEqual({ tasks: [task()], dropped: 0, droppedPeriods: 0 });
  });

  test('what is not a timeline is refused whole', () => {
    for (const raw of [null, 'x', 42, {}, { tasks: 'no' }, { tasks: { length: 3 } }])
      expect(checkTimeline(raw, 100)).toBeNull();
  });

  test('malformed tasks are dropped and counted, with the recorder’s own count', () => {
    const bad = [
      null,
      task({ name: 7 }),
      task({ kind: 'thread<script>' }),
      task({ created: Number.NaN }),
      task({ created: -5 }),
      task({ created: 500 }),
      task({ ended: -1 }),
      task({ ended: Number.POSITIVE_INFINITY }),
      task({ id: '1' }),
    ];
    const checked = checkTimeline({ tasks: [...bad, task()], dropped: 3 }, 200);
    expect(checked?.tasks).toHaveLength(1);
    expect(checked?.dropped).toBe(bad.length + 3);
  });

  test('the recorder’s own counts add up; a forged count is ignored unless it is a plain count', () => {
    expect(
      checkTimeline({ tasks: [task({ running: [[0, Number.NaN]] })], dropped: 1, droppedPeriods: 5 }, 200),
    ).toMatchObject({
      dropped: 1,
      droppedPeriods: 6,
    });
    expect(checkTimeline({ tasks: [], dropped: -4, droppedPeriods: Number.NaN }, 10)).toMatchObject({
      dropped: 0,
      droppedPeriods: 0,
    });
    expect(checkTimeline({ tasks: [], dropped: 'many' }, 10)?.dropped).toBe(0);
    expect(checkTimeline({ tasks: [], dropped: 2.7 }, 10)?.dropped).toBe(2);
  });

  test('periods: non-finite, reversed or outside the run are dropped; overhanging ones are clamped', () => {
    const checked = checkTimeline(
      {
        tasks: [
          task({
            running: [[0, 5], [Number.NaN, 3], [9, 4], [-10, 2], [150, 900], [300, 400], 'x', [1], [1, 2, 3]],
            ready: [[5, Number.POSITIVE_INFINITY]],
            ended: 150,
          }),
        ],
        dropped: 0,
      },
      200,
    );
    expect(checked?.tasks[0]?.running).toEqual([
      [0, 5],
      [0, 2],
      [150, 200],
    ]);
    expect(checked?.tasks[0]?.ready).toEqual([]);
    expect(checked?.droppedPeriods).toBe(7);
  });

  test('at most TIMELINE_LIMITS.lanes lanes and TIMELINE_LIMITS.periods periods; the rest is counted, not walked', () => {
    const periods = Array.from({ length: 100 }, (_, i) => [i, i + 0.5]);
    const many = Array.from({ length: 5000 }, (_, id) => task({ id, running: periods, ready: [] }));
    const checked = checkTimeline({ tasks: many, dropped: 0 }, 200)!;
    expect(checked.tasks).toHaveLength(TIMELINE_LIMITS.lanes);
    expect(checked.dropped).toBe(5000 - TIMELINE_LIMITS.lanes);
    expect(checked.tasks.reduce((sum, t) => sum + t.running.length, 0)).toBe(TIMELINE_LIMITS.periods);
    expect(checked.droppedPeriods).toBe(TIMELINE_LIMITS.lanes * 100 - TIMELINE_LIMITS.periods);
  });

  test('names are plain text: controls, bidi overrides and line breaks become spaces, cut to the limit', () => {
    expect(plainName('a\u202Eevil\u0000\nname\u2028 x')).toBe('a evil name x');
    expect(plainName('   ')).toBe('unnamed');
    const long = plainName('<img src=x onerror=alert(1)>'.repeat(10));
    expect([...long]).toHaveLength(TIMELINE_LIMITS.nameLength);
    expect(long.endsWith('…')).toBe(true);
    // Markup stays text: the view sets it with textContent, never as HTML.
    expect(plainName('<b>x</b>')).toBe('<b>x</b>');
  });
});

/** A worker that posts `messages` a little after the run starts (so the run has a length), then says done. */
function worker(messages: unknown[]): () => SandboxWorker {
  return () => {
    let listener: (message: unknown) => void = () => {};
    return {
      send: () =>
        void setTimeout(() => {
          for (const message of messages) listener(message);
          listener({ type: 'done', failed: false });
        }, 30),
      onMessage: (next) => (listener = next),
      onFailure: () => {},
      terminate: () => {},
    };
  };
}

const run = (messages: unknown[]) => startRun({ code: '', spawn: worker(messages) }).result;
const timeline = (name: string) => ({ type: 'timeline', timeline: { tasks: [task({ name, ended: 5 })], dropped: 0 } });

describe('the host keeps one checked timeline a run', () => {
  test('the first timeline message counts; later ones are ignored', async () => {
    const result = await run([timeline('first'), timeline('second')]);
    expect(result.timeline?.tasks.map((t) => t.name)).toEqual(['first']);
  });

  test('a malformed first timeline leaves the run without one', async () => {
    const result = await run([{ type: 'timeline', timeline: 'x' }, timeline('late')]);
    expect(result.timeline).toBeUndefined();
  });

  test('a flood of output does not crowd out the timeline, and the timeline adds no line', async () => {
    const line = { type: 'line', line: { level: 'log', text: 'x', ms: 1 } };
    const result = await run([...Array.from({ length: 5000 }, () => line), timeline('after the flood')]);
    expect(result.truncated).toBe(true);
    expect(result.timeline?.tasks[0]?.name).toBe('after the flood');
    expect(result.lines.some((shown) => shown.text.includes('after the flood'))).toBe(false);
  });

  test('a run without a timeline has none', async () => {
    expect((await run([])).timeline).toBeUndefined();
  });
});
