/**
 * The host's check of a run's `{ type: 'timeline' }` message (runner/protocol.ts). The worker runs untrusted code,
 * which can post any timeline it likes: only the protocol's shape passes, with finite times inside the run, names
 * as plain text, and at most TIMELINE_LIMITS of lanes and periods; whatever is cut is counted, never drawn.
 */
import type { Timeline, TimelineTask } from '../runner/protocol.ts';

export const TIMELINE_LIMITS = {
  /** Lanes drawn; more would not fit a snippet's picture anyway. */
  lanes: 40,
  /** Running and ready periods of all lanes together. */
  periods: 2000,
  /** Characters of a lane's name. */
  nameLength: 60,
} as const;

type Period = [from: number, to: number];

const KINDS = new Set<unknown>(['main', 'task', 'timer', 'worker', 'thread'] satisfies TimelineTask['kind'][]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Control, format (bidi overrides, zero-width) and line-breaking characters become spaces; the name is cut to fit. */
export function plainName(raw: string): string {
  const name = raw
    .slice(0, TIMELINE_LIMITS.nameLength * 4)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...name];
  if (chars.length === 0) return 'unnamed';
  return chars.length > TIMELINE_LIMITS.nameLength
    ? `${chars.slice(0, TIMELINE_LIMITS.nameLength - 1).join('')}…`
    : name;
}

/**
 * The valid periods of `raw`, clamped to the run [0, end], taking at most `room` of them; `skipped` counts the rest.
 */
function periods(raw: unknown, end: number, room: number): { kept: Period[]; skipped: number } {
  if (!Array.isArray(raw)) return { kept: [], skipped: 0 };
  const kept: Period[] = [];
  const length = raw.length;
  let skipped = 0;
  for (let index = 0; index < length; index++) {
    if (kept.length >= room) return { kept, skipped: skipped + (length - index) };
    const period: unknown = raw[index];
    if (!Array.isArray(period) || period.length !== 2) {
      skipped++;
      continue;
    }
    const [from, to]: unknown[] = period;
    if (!isTime(from) || !isTime(to) || from > to || to < 0 || from > end) {
      skipped++;
      continue;
    }
    kept.push([Math.max(from, 0), Math.min(to, end)]);
  }
  return { kept, skipped };
}

/** A count the recorder reported, or 0 for anything that is not one. */
const countOf = (value: unknown) =>
  isTime(value) && value > 0 ? Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER) : 0;

/**
 * The timeline the worker posted, as the view may draw it, or null when it is not a timeline at all. `end` is the
 * run's time (ms since it started) when the message came, on the clock of `OutputLine.ms`. `dropped` and
 * `droppedPeriods` count what the recorder and this check left out.
 */
export function checkTimeline(raw: unknown, end: number): Required<Timeline> | null {
  if (!isRecord(raw) || !Array.isArray(raw.tasks)) return null;
  const tasks: TimelineTask[] = [];
  let droppedTasks = countOf(raw.dropped);
  let droppedPeriods = countOf(raw.droppedPeriods);
  let room: number = TIMELINE_LIMITS.periods;
  const all: unknown[] = raw.tasks;
  const length = all.length;
  for (let index = 0; index < length; index++) {
    if (tasks.length >= TIMELINE_LIMITS.lanes) {
      droppedTasks += length - index;
      break;
    }
    const task = all[index];
    if (!isRecord(task)) {
      droppedTasks++;
      continue;
    }
    const { id, name, kind, created, ended } = task;
    const valid =
      isTime(id) &&
      typeof name === 'string' &&
      KINDS.has(kind) &&
      isTime(created) &&
      created >= 0 &&
      created <= end &&
      (ended === undefined || (isTime(ended) && ended >= created));
    if (!valid) {
      droppedTasks++;
      continue;
    }
    const running = periods(task.running, end, room);
    room -= running.kept.length;
    const ready = periods(task.ready, end, room);
    room -= ready.kept.length;
    droppedPeriods += running.skipped + ready.skipped;
    tasks.push({
      id,
      name: plainName(name),
      kind: kind as TimelineTask['kind'],
      created,
      ...(ended !== undefined && { ended: Math.min(ended, end) }),
      running: running.kept,
      ready: ready.kept,
    });
  }
  return { tasks, dropped: droppedTasks, droppedPeriods };
}
