/**
 * A checked timeline and the run's output lines, laid out for the view (view.ts): one lane per task with its
 * running, ready and waiting periods, the output lines as marks, a ms axis, and the rows of the table that is the
 * picture's text alternative. Pure: coordinates are CSS pixels of a picture `width` wide.
 */
import type { OutputLine, Timeline, TimelineTask } from '../runner/protocol.ts';
import { TIMELINE_LIMITS } from './check.ts';

export type Period = [from: number, to: number];

export interface Lane {
  name: string;
  kind: TimelineTask['kind'];
  started: number;
  /** Absent: still pending when the run ended. */
  ended?: number;
  running: Period[];
  ready: Period[];
  /** Its life minus running and ready. */
  waiting: Period[];
  totals: { running: number; ready: number; waiting: number };
}

export interface Bar {
  state: 'running' | 'ready' | 'waiting';
  from: number;
  to: number;
  x: number;
  width: number;
}

export interface LaneGeometry {
  lane: Lane;
  /** Baseline of the lane's label. */
  labelY: number;
  label: string;
  /** Middle of the lane's bars. */
  barY: number;
  bars: Bar[];
}

export interface Mark {
  x: number;
  ms: number;
  text: string;
  level: OutputLine['level'];
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** The axis runs from 0 to `span` ms. */
  span: number;
  ticks: Tick[];
  lanes: LaneGeometry[];
  output: { labelY: number; barY: number; marks: Mark[] };
  /** The picture's accessible name. */
  label: string;
  /** The fold's summary. */
  summary: string;
  /** What was left out, or nothing. */
  cut: string;
}

export const GEOMETRY = {
  pad: 8,
  axisHeight: 22,
  laneHeight: 34,
  /** Where the lane's label sits and its bar's middle, from the lane's top. */
  labelBaseline: 12,
  barMiddle: 23,
  barHeight: 12,
  /** Average width of a label character (12 px sans), to cut names that would not fit. */
  charWidth: 6.6,
  /** Pixels between ticks, at least. */
  tickSpacing: 90,
  /** The thinnest bar drawn: a step of a fraction of a ms still shows. */
  minBar: 1.5,
} as const;

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "1,004 ms", "<1 ms" for a time that is there but rounds to nothing. */
export function formatMs(ms: number): string {
  if (ms > 0 && ms < 0.5) return '<1 ms';
  return `${Math.round(ms).toLocaleString('en')} ms`;
}

/** Sorted, clamped to [from, to], overlaps merged. */
function normalize(periods: readonly Period[], from: number, to: number): Period[] {
  const clamped = periods
    .map(([a, b]): Period => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => a <= b)
    .sort((p, q) => p[0] - q[0]);
  const merged: Period[] = [];
  for (const period of clamped) {
    const last = merged.at(-1);
    if (last && period[0] <= last[1]) last[1] = Math.max(last[1], period[1]);
    else merged.push([...period]);
  }
  return merged;
}

/** The parts of [from, to] outside the sorted, disjoint `taken`. */
function gaps(taken: readonly Period[], from: number, to: number): Period[] {
  const free: Period[] = [];
  let at = from;
  for (const [a, b] of taken) {
    if (a > at) free.push([at, Math.min(a, to)]);
    at = Math.max(at, b);
  }
  if (at < to) free.push([at, to]);
  return free.filter(([a, b]) => b > a);
}

/** `periods` minus the sorted, disjoint `taken`. */
function subtract(periods: readonly Period[], taken: readonly Period[]): Period[] {
  return periods.flatMap(([a, b]) => gaps(taken, a, b));
}

const total = (periods: readonly Period[]) => periods.reduce((sum, [a, b]) => sum + (b - a), 0);

/** One task as the table and the picture show it: running wins over ready; the rest of its life is waiting. */
export function lane(task: TimelineTask, end: number): Lane {
  const until = Math.max(task.ended ?? end, task.created);
  const running = normalize(task.running, task.created, until);
  const ready = subtract(normalize(task.ready, task.created, until), running);
  const waiting = gaps(normalize([...running, ...ready], task.created, until), task.created, until);
  return {
    name: task.name,
    kind: task.kind,
    started: task.created,
    ...(task.ended !== undefined && { ended: task.ended }),
    running,
    ready,
    waiting,
    totals: { running: total(running), ready: total(ready), waiting: total(waiting) },
  };
}

/** Tick steps of 1, 2 or 5 times a power of ten, at least `spacing` px apart. */
function ticks(span: number, plot: number, x: (ms: number) => number): Tick[] {
  const most = Math.max(1, Math.floor(plot / GEOMETRY.tickSpacing));
  const rough = span / most;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  const result: Tick[] = [];
  for (let ms = 0; ms <= span + 1e-9; ms += step) result.push({ x: x(ms), label: formatMs(ms) });
  return result;
}

const cutTo = (text: string, chars: number) =>
  [...text].length > chars ? `${[...text].slice(0, Math.max(chars - 1, 1)).join('')}…` : text;

/** The last moment the run recorded or printed anything: a task still pending waits until then. */
function lastMoment(timeline: Timeline, lines: readonly OutputLine[]): number {
  let last = 1;
  for (const task of timeline.tasks)
    last = Math.max(last, task.created, task.ended ?? 0, ...task.running.flat(), ...task.ready.flat());
  for (const line of lines) last = Math.max(last, line.ms);
  return last;
}

export function layout(timeline: Timeline, lines: readonly OutputLine[], width: number): TimelineLayout {
  const { pad, axisHeight, laneHeight, labelBaseline, barMiddle, minBar, charWidth } = GEOMETRY;
  const printed = lines.filter((line) => !line.notice);
  const span = lastMoment(timeline, printed);
  const lanes = timeline.tasks.map((task) => lane(task, span));
  const plot = width - 2 * pad;
  const x = (ms: number) => pad + (Math.min(Math.max(ms, 0), span) / span) * plot;
  const bar = (state: Bar['state'], [from, to]: Period, min: number): Bar => {
    const drawn = Math.max(x(to) - x(from), min);
    // A sliver at the very end of the axis grows leftwards, inside the picture.
    return { state, from, to, x: Math.min(x(from), width - pad - drawn), width: drawn };
  };
  const maxChars = Math.max(Math.floor(plot / charWidth), 8);
  const geometry = lanes.map((l, index): LaneGeometry => {
    const top = axisHeight + index * laneHeight;
    return {
      lane: l,
      labelY: top + labelBaseline,
      label: cutTo(l.name, maxChars),
      barY: top + barMiddle,
      bars: [
        ...l.waiting.map((p) => bar('waiting', p, 0)),
        ...l.ready.map((p) => bar('ready', p, minBar)),
        ...l.running.map((p) => bar('running', p, minBar)),
      ],
    };
  });
  const outputTop = axisHeight + lanes.length * laneHeight;
  const tasks = count(lanes.length, 'task', 'tasks');
  const cuts = [
    timeline.dropped > 0 && count(timeline.dropped, 'task', 'tasks'),
    (timeline.droppedPeriods ?? 0) > 0 && count(timeline.droppedPeriods ?? 0, 'period', 'periods'),
  ].filter(Boolean);
  return {
    width,
    height: outputTop + laneHeight,
    span,
    ticks: ticks(span, plot, x),
    lanes: geometry,
    output: {
      labelY: outputTop + labelBaseline,
      barY: outputTop + barMiddle,
      marks: printed.map((line) => ({ x: x(line.ms), ms: line.ms, text: line.text, level: line.level })),
    },
    label: `Timeline of the run: ${tasks} over ${formatMs(span)}`,
    summary: `Timeline: ${tasks}, ${formatMs(span)}`,
    cut:
      cuts.length === 0
        ? ''
        : `Not shown: ${cuts.join(' and ')} past the recording's limits or malformed (a timeline holds at most ${TIMELINE_LIMITS.lanes} tasks and ${TIMELINE_LIMITS.periods.toLocaleString('en')} periods).`,
  };
}
