import { describe, expect, test } from 'vitest';
import type { OutputLine, Timeline, TimelineTask } from '../../../src/features/snippets/runner/protocol';
import { formatMs, GEOMETRY, lane, layout } from '../../../src/features/snippets/timeline/layout';

const task = (name: string, overrides: Partial<TimelineTask> = {}): TimelineTask => ({
  id: 1,
  name,
  kind: 'task',
  created: 0,
  running: [],
  ready: [],
  ...overrides,
});
const timeline = (tasks: TimelineTask[]): Timeline => ({ tasks, dropped: 0 });
const line = (text: string, ms: number): OutputLine => ({ level: 'log', text, ms });

describe('lane: running, ready and waiting of one task', () => {
  test('waiting is its life minus running and ready; running wins where they overlap', () => {
    const shown = lane(
      task('t', {
        created: 10,
        ended: 100,
        running: [
          [10, 20],
          [15, 30],
          [90, 100],
        ],
        ready: [
          [25, 40],
          [80, 95],
        ],
      }),
      500,
    );
    expect(shown.running).toEqual([
      [10, 30],
      [90, 100],
    ]);
    expect(shown.ready).toEqual([
      [30, 40],
      [80, 90],
    ]);
    expect(shown.waiting).toEqual([[40, 80]]);
    expect(shown.totals).toEqual({ running: 30, ready: 20, waiting: 40 });
  });

  test('a task still pending waits until the end of the run; periods past its end are cut', () => {
    expect(lane(task('p', { created: 0, running: [[0, 5]] }), 50).waiting).toEqual([[5, 50]]);
    expect(lane(task('e', { ended: 10, running: [[0, 30]] }), 50).running).toEqual([[0, 10]]);
  });
});

describe('layout: the picture and its words', () => {
  const sequential = timeline([
    task('main', {
      kind: 'main',
      ended: 3010,
      running: [
        [0, 1],
        [1005, 1006],
        [2008, 2009],
        [3009, 3010],
      ],
    }),
    task('wait #1', {
      created: 1,
      ended: 1005,
      running: [
        [1, 2],
        [1004, 1005],
      ],
    }),
  ]);

  test('accessible name and summary count tasks and the run’s length', () => {
    const shape = layout(sequential, [line('a', 1005)], 600);
    expect(shape.label).toBe('Timeline of the run: 2 tasks over 3,010 ms');
    expect(shape.summary).toBe('Timeline: 2 tasks, 3,010 ms');
    expect(layout(timeline([task('only', { ended: 4 })]), [], 600).summary).toBe('Timeline: 1 task, 4 ms');
    expect(shape.cut).toBe('');
  });

  test('everything fits the given width: bars, marks and ticks between the paddings', () => {
    for (const width of [280, 600, 960]) {
      const shape = layout(sequential, [line('a', 1005), line('late', 5000)], width);
      const xs = [
        ...shape.lanes.flatMap((l) => l.bars.flatMap((bar) => [bar.x, bar.x + bar.width])),
        ...shape.output.marks.map((mark) => mark.x),
        ...shape.ticks.map((tick) => tick.x),
      ];
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(GEOMETRY.pad);
      expect(Math.max(...xs)).toBeLessThanOrEqual(width - GEOMETRY.pad + 1e-9);
      // The axis reaches the last line printed, past the timeline's own end.
      expect(shape.span).toBe(5000);
      expect(shape.ticks.length).toBeLessThanOrEqual(Math.floor(width / GEOMETRY.tickSpacing) + 1);
      expect(shape.ticks[0]?.label).toBe('0 ms');
    }
  });

  test('a step shorter than a pixel is still drawn; the output row has one mark per printed line', () => {
    const shape = layout(sequential, [line('a', 1005), { ...line('cut', 0), notice: 'truncated' }], 600);
    const running = shape.lanes[0]!.bars.filter((bar) => bar.state === 'running');
    expect(running.every((bar) => bar.width >= GEOMETRY.minBar)).toBe(true);
    expect(shape.output.marks.map((mark) => mark.text)).toEqual(['a']);
    expect(shape.output.barY).toBeGreaterThan(shape.lanes[1]!.barY);
    expect(shape.height).toBeGreaterThan(shape.output.barY);
  });

  test('a long name is cut to the picture’s width; the table keeps the full name', () => {
    const name = 'x'.repeat(60);
    const shape = layout(timeline([task(name)]), [], 280);
    expect(shape.lanes[0]!.label.length).toBeLessThan(60);
    expect(shape.lanes[0]!.label.endsWith('…')).toBe(true);
    expect(shape.lanes[0]!.lane.name).toBe(name);
  });

  test('what was cut is said', () => {
    const shape = layout({ ...timeline([task('a')]), dropped: 3, droppedPeriods: 1 }, [], 600);
    expect(shape.cut).toMatch(/^Not shown: 3 tasks and 1 period /);
  });

  test('times read as whole ms, and a sliver is not called zero', () => {
    expect(formatMs(1004.4)).toBe('1,004 ms');
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.2)).toBe('<1 ms');
  });
});

test('a task still pending at the end waits until the last thing the run recorded or printed', () => {
  const shape = layout(timeline([task('pending', { running: [[0, 2]] })]), [line('last', 700)], 600);
  expect(shape.lanes[0]!.lane.waiting).toEqual([[2, 700]]);
  expect(shape.lanes[0]!.lane.ended).toBeUndefined();
});
