/**
 * What runs inside the sandbox worker, in the browser (and under Node in the
 * runner's unit tests):
 * captures the console, reports uncaught errors with the snippet's line and
 * column, records the run's timeline (recorder.ts), and tells the host when the
 * snippet is finished — its top-level code settled and no timer or worker it
 * started is still pending (the point where Node would exit).
 */
import { originalColumn, readColumnMap, type ColumnMap } from './columns.ts';
import { formatLogArguments, inspect } from './format.ts';
import { OUTPUT_LIMITS, type Level, type SandboxMessage } from './protocol.ts';
import { createRecorder, type Recorder } from './recorder.ts';

export interface SandboxEnvironment {
  post(message: SandboxMessage): void;
  /** Registers the environment's hooks for uncaught exceptions and unhandled rejections. */
  onUncaught(handler: (reason: unknown, kind: 'exception' | 'rejection') => void): void;
}

type AsyncFunctionConstructor = new (body: string) => () => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/** "Error: message" for errors, the inspected value for anything else thrown. */
export function describeThrown(reason: unknown): string {
  return reason instanceof Error ? formatLogArguments([reason]) : inspect(reason);
}

/**
 * " (line 4, column 9)": where in the snippet an error was made, from the first stack frame in the snippet's code.
 * V8 names code made by `new AsyncFunction` `<anonymous>` and counts its lines from the function's two header lines.
 */
export function snippetPosition(reason: unknown, columns: ColumnMap): string {
  let stack = '';
  try {
    if (reason instanceof Error) stack = String(reason.stack);
  } catch {
    return '';
  }
  const [, line = '0', column = '0'] = /<anonymous>:(\d+):(\d+)/.exec(stack) ?? [];
  const snippetLine = Number(line) - 2;
  if (snippetLine < 1) return '';
  return ` (line ${snippetLine}, column ${originalColumn(columns, snippetLine, Number(column) - 1) + 1})`;
}

export function runInSandbox(code: string, environment: SandboxEnvironment): void {
  const start = performance.now();
  const clock = performance.now.bind(performance);
  const now = () => clock() - start;
  const recorder = createRecorder(now);
  // Frozen and read-only: a snippet that calls or replaces it spoils only its own run's picture.
  Object.defineProperty(globalThis, '__timeline', { value: Object.freeze(recorder.hooks) });
  recorder.enter(recorder.add('main', 'main', 0));
  let finished = false;
  let mainSettled = false;
  let groupIndent = '';
  /** Timers and workers still to come, each with its lane. */
  const pending = new Map<unknown, number>();
  const counts = new Map<string, number>();

  // The host enforces OUTPUT_LIMITS; stopping one line or character past them
  // here keeps a printing loop from copying megabytes the host would drop,
  // while still showing the host that there was more.
  let printed = 0;
  let characters = 0;
  const emit = (level: Level, text: string) => {
    if (finished || printed > OUTPUT_LIMITS.lines || characters > OUTPUT_LIMITS.characters) return;
    printed++;
    const indented = groupIndent ? text.replace(/^/gm, groupIndent) : text;
    const shown = indented.slice(0, OUTPUT_LIMITS.characters - characters + 1);
    characters += shown.length;
    environment.post({ type: 'line', line: { level, text: shown, ms: now() } });
  };
  const finish = (failed: boolean) => {
    if (finished) return;
    finished = true;
    environment.post({ type: 'timeline', timeline: recorder.timeline() });
    environment.post({ type: 'done', failed });
  };
  const columns = readColumnMap(code);
  const fail = (reason: unknown, kind: 'exception' | 'rejection') => {
    const where = snippetPosition(reason, columns);
    emit('error', `Uncaught ${kind === 'rejection' ? '(in promise) ' : ''}${describeThrown(reason)}${where}`);
    finish(true);
  };

  const realSetTimeout = globalThis.setTimeout;
  const checkFinished = () => {
    if (mainSettled && pending.size === 0) finish(false);
  };
  // A macrotask later, so promise callbacks queued by the last task run first.
  const scheduleCheck = () => realSetTimeout(checkFinished, 0);

  installConsole(emit, counts, (change) => {
    groupIndent = change > 0 ? `${groupIndent}  ` : groupIndent.slice(2);
  });
  trackTimers(pending, scheduleCheck, recorder, now);
  trackWorkers(pending, scheduleCheck, recorder);
  environment.onUncaught(fail);

  let main: () => Promise<unknown>;
  try {
    main = new AsyncFunction(code);
  } catch (error) {
    fail(error, 'exception');
    return;
  }
  main().then(
    () => {
      recorder.leave(0);
      recorder.ended(0);
      mainSettled = true;
      scheduleCheck();
    },
    (error: unknown) => {
      recorder.ended(0);
      fail(error, 'exception');
    },
  );
}

function installConsole(
  emit: (level: Level, text: string) => void,
  counts: Map<string, number>,
  group: (change: 1 | -1) => void,
): void {
  const printer =
    (level: Level) =>
    (...args: unknown[]) =>
      emit(level, formatLogArguments(args));
  Object.assign(console, {
    log: printer('log'),
    debug: printer('log'),
    info: printer('info'),
    warn: printer('warn'),
    error: printer('error'),
    dir: (value: unknown) => emit('log', inspect(value)),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) emit('error', args.length ? `Assertion failed: ${formatLogArguments(args)}` : 'Assertion failed');
    },
    count: (label = 'default') => {
      const count = (counts.get(label) ?? 0) + 1;
      counts.set(label, count);
      emit('log', `${label}: ${count}`);
    },
    group: (...args: unknown[]) => {
      if (args.length) emit('log', formatLogArguments(args));
      group(1);
    },
    groupEnd: () => group(-1),
  });
}

function trackTimers(
  pending: Map<unknown, number>,
  scheduleCheck: () => void,
  recorder: Recorder,
  now: () => number,
): void {
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
  const { setInterval: realSetInterval, clearInterval: realClearInterval } = globalThis;
  const forget = (handle: unknown) => {
    const lane = pending.get(handle);
    if (!pending.delete(handle)) return;
    recorder.ended(lane!);
    scheduleCheck();
  };
  /** setTimeout or setInterval: each run of the callback in the timer's lane, ready from when it was due. */
  const track =
    (kind: string, schedule: typeof realSetTimeout, repeats: boolean) =>
    (callback: unknown, delay?: number, ...args: unknown[]) => {
      const ms = Math.max(0, Number(delay) || 0);
      const lane = recorder.add(`${kind} ${ms} ms`, 'timer');
      let due = now() + ms;
      const handle: unknown = schedule(() => {
        const ran = now();
        if (!repeats) pending.delete(handle);
        recorder.enter(lane, due);
        due = ran + ms;
        try {
          if (typeof callback === 'function') callback(...args);
        } finally {
          recorder.leave(lane);
          if (!repeats) {
            recorder.ended(lane);
            scheduleCheck();
          }
        }
      }, delay);
      pending.set(handle, lane);
      return handle;
    };
  Object.assign(globalThis, {
    setTimeout: track('setTimeout', realSetTimeout, false),
    setInterval: track('setInterval', realSetInterval as typeof realSetTimeout, true),
    clearTimeout: (handle: unknown) => {
      realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
      forget(handle);
    },
    clearInterval: (handle: unknown) => {
      realClearInterval(handle as Parameters<typeof clearInterval>[0]);
      forget(handle);
    },
  });
}

/**
 * A worker the snippet starts keeps the run open until the snippet terminates it. Its lane is busy from a message
 * posted to it until its next message back: what the page can see of the worker's own thread.
 */
function trackWorkers(pending: Map<unknown, number>, scheduleCheck: () => void, recorder: Recorder): void {
  const NativeWorker = (globalThis as { Worker?: typeof Worker }).Worker;
  if (!NativeWorker) return;
  class TrackedWorker extends NativeWorker {
    readonly #lane: number;
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      this.#lane = recorder.add('Worker', 'worker');
      pending.set(this, this.#lane);
      super.addEventListener('message', () => recorder.busy(this.#lane, false));
    }
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      recorder.busy(this.#lane, true);
      super.postMessage(message, options as StructuredSerializeOptions);
    }
    override terminate(): void {
      super.terminate();
      recorder.busy(this.#lane, false);
      recorder.ended(this.#lane);
      if (pending.delete(this)) scheduleCheck();
    }
  }
  Object.assign(globalThis, { Worker: TrackedWorker });
}
