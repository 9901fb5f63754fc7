/**
 * What runs inside the sandbox worker, in the browser (and under Node in the
 * runner's unit tests):
 * captures the console, reports uncaught errors, and tells the host when the
 * snippet is finished — its top-level code settled and no timer or worker it
 * started is still pending (the point where Node would exit).
 */
import { formatLogArguments, inspect } from './format.ts';
import { OUTPUT_LIMITS, type Level, type SandboxMessage } from './protocol.ts';

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

export function runInSandbox(code: string, environment: SandboxEnvironment): void {
  const start = performance.now();
  let finished = false;
  let mainSettled = false;
  let groupIndent = '';
  const pending = new Set<unknown>();
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
    environment.post({ type: 'line', line: { level, text: shown, ms: performance.now() - start } });
  };
  const finish = (failed: boolean) => {
    if (finished) return;
    finished = true;
    environment.post({ type: 'done', failed });
  };
  const fail = (reason: unknown, kind: 'exception' | 'rejection') => {
    emit('error', `Uncaught ${kind === 'rejection' ? '(in promise) ' : ''}${describeThrown(reason)}`);
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
  trackTimers(pending, scheduleCheck);
  trackWorkers(pending, scheduleCheck);
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
      mainSettled = true;
      scheduleCheck();
    },
    (error: unknown) => fail(error, 'exception'),
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

function trackTimers(pending: Set<unknown>, scheduleCheck: () => void): void {
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
  const { setInterval: realSetInterval, clearInterval: realClearInterval } = globalThis;
  const forget = (handle: unknown) => {
    if (pending.delete(handle)) scheduleCheck();
  };
  const wrappedSetTimeout = (callback: unknown, delay?: number, ...args: unknown[]) => {
    const handle: unknown = realSetTimeout(() => {
      pending.delete(handle);
      try {
        if (typeof callback === 'function') callback(...args);
      } finally {
        scheduleCheck();
      }
    }, delay);
    pending.add(handle);
    return handle;
  };
  const wrappedSetInterval = (callback: unknown, delay?: number, ...args: unknown[]) => {
    const handle: unknown = realSetInterval(() => {
      if (typeof callback === 'function') callback(...args);
    }, delay);
    pending.add(handle);
    return handle;
  };
  Object.assign(globalThis, {
    setTimeout: wrappedSetTimeout,
    setInterval: wrappedSetInterval,
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

/** A worker the snippet starts keeps the run open until the snippet terminates it. */
function trackWorkers(pending: Set<unknown>, scheduleCheck: () => void): void {
  const NativeWorker = (globalThis as { Worker?: typeof Worker }).Worker;
  if (!NativeWorker) return;
  class TrackedWorker extends NativeWorker {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      pending.add(this);
    }
    override terminate(): void {
      super.terminate();
      if (pending.delete(this)) scheduleCheck();
    }
  }
  Object.assign(globalThis, { Worker: TrackedWorker });
}
