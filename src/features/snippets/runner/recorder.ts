/**
 * The TypeScript run's timeline, recorded in the sandbox worker (sandbox.ts) and posted once before `done`. A lane is
 * "main" (the top-level code), a "task" (one call of an async function or arrow, reported by instrument.ts's calls), a
 * "timer" (one setTimeout or setInterval: created → due → ran) or a "worker" (busy from a message posted to it until
 * its reply arrives, as seen from this side). One thread: at any moment only the innermost of the lanes on the call
 * stack is running, so a task that calls another one waits while it runs.
 */
import type { Timeline, TimelineTask } from './protocol.ts';
import { TIMELINE_LIMITS } from '../timeline/check.ts';

interface Lane extends TimelineTask {
  /** Running since, while it holds the thread. */
  since?: number | undefined;
  /** When what it awaits settled, once it has. */
  settled?: number | undefined;
}

/** What instrument.ts's inserted calls use, as the global `__timeline`. */
export interface TaskHooks {
  start(name: string): number;
  wait<T>(task: number, value: T): T;
  resume<T>(task: number, value: T): T;
  end(task: number): void;
  iterate(task: number, source: object): object;
}

export interface Recorder {
  hooks: TaskHooks;
  /** A new lane (main is lane 0), or -1 past the cap: every call ignores -1. */
  add(name: string, kind: TimelineTask['kind'], created?: number): number;
  /** The lane holds the thread from now, above whoever held it. */
  enter(lane: number, readySince?: number): void;
  /** The lane gives the thread back to the one below it. */
  leave(lane: number): void;
  /** A worker's own thread: busy from now, or no longer. */
  busy(lane: number, busy: boolean): void;
  ended(lane: number): void;
  timeline(): Timeline;
}

const { then } = Promise.prototype;
const NativePromise = Promise;

export function createRecorder(now: () => number): Recorder {
  const lanes: Lane[] = [];
  const stack: number[] = [];
  let dropped = 0;
  let periods = 0;
  let droppedPeriods = 0;

  const record = (list: [number, number][], from: number, to: number) => {
    if (to <= from) return;
    if (periods >= TIMELINE_LIMITS.periods) {
      droppedPeriods++;
      return;
    }
    periods++;
    list.push([from, to]);
  };
  const busy = (id: number, on: boolean) => {
    const lane = lanes[id];
    if (!lane || on === (lane.since !== undefined)) return;
    if (on) lane.since = now();
    else {
      record(lane.running, lane.since!, now());
      lane.since = undefined;
    }
  };
  const enter = (id: number, readySince?: number) => {
    const lane = lanes[id];
    if (!lane) return;
    if (readySince !== undefined) record(lane.ready, readySince, now());
    busy(stack.at(-1) ?? -1, false);
    stack.push(id);
    busy(id, true);
  };
  const leave = (id: number) => {
    if (!lanes[id]) return;
    busy(id, false);
    const at = stack.lastIndexOf(id);
    if (at >= 0) stack.splice(at, 1);
    busy(stack.at(-1) ?? -1, true);
  };
  const ended = (id: number) => {
    const lane = lanes[id];
    if (lane && lane.ended === undefined) lane.ended = now();
  };
  /** The task stops running until `value` settles: it is ready from then on. */
  const suspend = (id: number, value: unknown, resumeOnSettle = false) => {
    const lane = lanes[id];
    if (!lane) return;
    leave(id);
    lane.settled = undefined;
    const settle = () => {
      lane.settled = now();
      if (resumeOnSettle) enter(id);
    };
    if (value instanceof NativePromise) then.call(value, settle, settle);
    else settle();
  };

  const hooks: TaskHooks = {
    start(name) {
      const id = add(String(name), 'task');
      enter(id);
      return id;
    },
    wait(id, value) {
      suspend(id, value);
      return value;
    },
    resume(id, value) {
      enter(id, lanes[id]?.settled);
      return value;
    },
    end(id) {
      leave(id);
      ended(id);
    },
    // A `for await` loop waits in its iterator's next(); its body runs once that settles.
    iterate(id, source) {
      const iterable = source as Partial<AsyncIterable<unknown> & Iterable<unknown>>;
      const async = typeof iterable[Symbol.asyncIterator] === 'function';
      const open = () => {
        const iterator = async ? iterable[Symbol.asyncIterator]!() : iterable[Symbol.iterator]!();
        return {
          next(value?: unknown) {
            const result = iterator.next(value);
            suspend(id, async ? result : (result as IteratorResult<unknown>).value, true);
            return result;
          },
          return: iterator.return && ((value?: unknown) => iterator.return!(value)),
        };
      };
      return async ? { [Symbol.asyncIterator]: open } : { [Symbol.iterator]: open };
    },
  };

  function add(name: string, kind: TimelineTask['kind'], created = now()): number {
    if (lanes.length >= TIMELINE_LIMITS.lanes) return (dropped++, -1);
    return lanes.push({ id: lanes.length, name, kind, created, running: [], ready: [] }) - 1;
  }

  return {
    hooks,
    add,
    enter,
    leave,
    busy,
    ended,
    timeline() {
      for (const lane of lanes) busy(lane.id, false);
      // A name used more than once gets a number: "serve #1", "serve #2".
      const uses = new Map<string, number>();
      for (const { name } of lanes) uses.set(name, (uses.get(name) ?? 0) + 1);
      const seen = new Map<string, number>();
      const tasks = lanes.map(({ since: _since, settled: _settled, ...task }) => {
        const count = (seen.get(task.name) ?? 0) + 1;
        seen.set(task.name, count);
        return uses.get(task.name)! > 1 ? { ...task, name: `${task.name} #${count}` } : task;
      });
      return { tasks, dropped, ...(droppedPeriods > 0 && { droppedPeriods }) };
    },
  };
}
