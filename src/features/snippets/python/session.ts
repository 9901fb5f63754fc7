/**
 * The page's side of Python: a fresh interpreter for every run, each in a
 * worker of its own in the Python sandboxed frame (opaque origin; the frame's
 * policy allows no request at all, see sandbox-frame.ts). The page itself
 * reads Pyodide's files from `<base>pyodide/<version>/` once (its own policy
 * allows 'self'), counting bytes for the progress bar, and streams them to the
 * first worker as they arrive; it keeps the bytes and hands a copy to each
 * later one. Loading starts on intent (`warmUp`) or on the first Run; when a
 * run ends, however it ends, its worker is terminated and the next run's
 * interpreter starts loading at once, so a reader who clicks Run again finds
 * it ready. Each run hears where its interpreter is (LoadStatus): downloading,
 * compiling, starting, or restarting from the kept bytes, with a time
 * estimate once one is known.
 */
import { frameHost, type FramedWorker } from '../runner/frame-host';
import { startRun, type Run, type RunResult, type SandboxWorker } from '../runner/host';
import type { OutputLine, SandboxMessage } from '../runner/protocol';
import { GZIPPED, PYODIDE_DIR, PYODIDE_FILES, servedName, type PyodideFileName } from './assets';
import {
  NO_JSPI_MESSAGE,
  START_STEPS,
  type PyodideFiles,
  type PythonRequest,
  type PythonWorkerMessage,
  type StartStep,
} from './protocol';
import workerUrl from './worker.ts?worker&url';

declare const __PYTHON_SANDBOX_FRAME__: string;

/**
 * Where the interpreter a run waits for is: the page's first one downloads
 * Pyodide's files (progress in bytes), then compiles and starts; any later one
 * restarts from the bytes the page kept (progress in start steps).
 */
export type LoadStatus =
  | { phase: 'download'; loaded: number; total: number; leftMs: number | undefined }
  | { phase: 'compile' | 'start' | 'restart'; step: number; steps: number; leftMs: number | undefined };

type LoadOutcome = { ok: true } | { ok: false; message: string };

interface Interpreter {
  worker: FramedWorker;
  loaded: Promise<LoadOutcome>;
  listeners: Set<(message: SandboxMessage) => void>;
  /** Started after the page held all of Pyodide's files: a restart, with nothing to download. */
  restart: boolean;
  created: number;
  progress: StartProgress;
}

interface StartProgress {
  /** The start step under way, as the worker last reported it. */
  step?: StartStep;
  /** When the worker began instantiating the wasm: what a restart repeats of a first start. */
  instantiated?: number;
}

const frame = frameHost({ file: __PYTHON_SANDBOX_FRAME__, title: 'Python sandbox', workerUrl });
const indexURL = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${PYODIDE_DIR}`, location.href).href;
/** Runs waiting for their interpreter: told again whenever a download or a start moves on. */
const statusWatchers = new Set<() => void>();
const tellWatchers = () => statusWatchers.forEach((watcher) => watcher());
let downloads: Promise<Record<PyodideFileName, Download>> | undefined;
let streamsTaken = false;
/** The page's download of Pyodide's files, for the progress bar and its estimate. */
let downloaded: DownloadProgress = { started: 0, loaded: 0, complete: false };
/** How long the last interpreter to get ready took from the point a restart starts from, for the next estimate. */
let lastStartMs: number | undefined;
/** The interpreter the next run takes, started ahead of it. */
let spare: Interpreter | undefined;
/** The run under way on this page, if any. */
let active: Run | undefined;
/** This browser cannot run Pyodide (no JSPI): no interpreter is started again. */
let unsupported = false;

interface DownloadProgress {
  started: number;
  loaded: number;
  /** Every file's bytes are in the page: later interpreters restart from them. */
  complete: boolean;
}

/** One of Pyodide's files as it downloads: a stream for the first interpreter, the whole bytes for the page to keep. */
interface Download {
  stream: ReadableStream<Uint8Array>;
  bytes: Promise<ArrayBuffer>;
}

async function download(name: PyodideFileName, onBytes: (bytes: number) => void): Promise<Download> {
  const response = await fetch(`${indexURL}${servedName(name)}`);
  if (!response.ok || !response.body) throw new Error(`${servedName(name)} answered ${response.status}`);
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, stream) {
        onBytes(chunk.byteLength);
        stream.enqueue(chunk);
      },
    }),
  );
  // A gzipped file is unzipped here as it streams in, unless the host already declared it gzip-encoded (the
  // browser then unzipped it).
  const unzip = GZIPPED.includes(name) && !/gzip/.test(response.headers.get('Content-Encoding') ?? '');
  const body = unzip
    ? counted.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    : counted;
  // Two branches: the worker compiles the wasm while it still downloads (streaming compilation), and the page
  // keeps the bytes for the interpreters started after Stop or the time limit.
  const [stream, kept] = body.tee();
  return { stream, bytes: new Response(kept).arrayBuffer() };
}

const byName = <T>(values: readonly T[]) =>
  Object.fromEntries(PYODIDE_FILES.map((name, index) => [name, values[index]!])) as Record<PyodideFileName, T>;

/** Pyodide's files, read once per page: streamed to the first interpreter, kept whole for later ones. */
function downloadFiles(): Promise<Record<PyodideFileName, Download>> {
  const progress: DownloadProgress = { started: performance.now(), loaded: 0, complete: false };
  downloaded = progress;
  let reported = 0;
  const onBytes = (bytes: number) => {
    progress.loaded += bytes;
    // At most one progress update per 64 kB.
    if (progress.loaded - reported < 65_536) return;
    reported = progress.loaded;
    tellWatchers();
  };
  const started = Promise.all(PYODIDE_FILES.map((name) => download(name, onBytes))).then(byName);
  // A failed download is tried again by the next run.
  const forget = () => {
    downloads = undefined;
    streamsTaken = false;
  };
  started
    .then((files) => Promise.all(Object.values(files).map((file) => file.bytes)))
    .then(() => {
      progress.complete = true;
      tellWatchers();
    }, forget);
  return started;
}

/** The time left until `since + expectedMs`, when there is an expectation and it is not yet overdue. */
const timeLeft = (since: number, expectedMs: number | undefined): number | undefined => {
  if (expectedMs === undefined) return undefined;
  const left = since + expectedMs - performance.now();
  return left > 0 ? left : undefined;
};

function statusOf(interpreter: Interpreter): LoadStatus {
  const step = interpreter.progress.step ? START_STEPS.indexOf(interpreter.progress.step) : -1;
  const steps = START_STEPS.length;
  if (interpreter.restart) {
    // A restart does not compile (the frame kept the module): its steps count from instantiating.
    return { phase: 'restart', step: Math.max(step, 0), steps, leftMs: timeLeft(interpreter.created, lastStartMs) };
  }
  if (!downloaded.complete) {
    const { started, loaded } = downloaded;
    const total = __PYODIDE_FETCH_BYTES__;
    const elapsed = performance.now() - started;
    // The download's own time left, from its speed so far, once there is enough of it to tell.
    const leftMs = elapsed > 500 && loaded > total / 20 ? ((total - loaded) * elapsed) / loaded : undefined;
    return { phase: 'download', loaded: Math.min(loaded, total), total, leftMs };
  }
  if (step <= 0) return { phase: 'compile', step: 0, steps, leftMs: undefined };
  return { phase: 'start', step, steps, leftMs: undefined };
}

/** The files for a new interpreter: the live streams the first time, the kept bytes after that. */
async function filesForInterpreter(): Promise<{ files: PyodideFiles; transfer: Transferable[] }> {
  const files = await (downloads ??= downloadFiles());
  if (!streamsTaken) {
    streamsTaken = true;
    const streams = PYODIDE_FILES.map((name) => files[name].stream);
    return { files: byName(streams), transfer: streams };
  }
  // Copied, not transferred: the page keeps its bytes for the next interpreter.
  return { files: byName(await Promise.all(PYODIDE_FILES.map((name) => files[name].bytes))), transfer: [] };
}

function startInterpreter(): Interpreter {
  const worker = frame.spawn();
  const listeners = new Set<(message: SandboxMessage) => void>();
  const restart = downloaded.complete;
  const created = performance.now();
  const progress: StartProgress = {};
  const loaded = new Promise<LoadOutcome>((resolve) => {
    worker.port.onmessage = ({ data }: MessageEvent<PythonWorkerMessage | SandboxMessage>) => {
      if (data.type === 'starting') {
        progress.step = data.step;
        if (data.step === 'instantiate') progress.instantiated = performance.now();
        tellWatchers();
      } else if (data.type === 'ready') {
        const from = restart ? created : progress.instantiated;
        if (from !== undefined) lastStartMs = performance.now() - from;
        resolve({ ok: true });
      } else if (data.type === 'unsupported') resolve({ ok: false, message: NO_JSPI_MESSAGE });
      else if (data.type === 'load-failed') resolve({ ok: false, message: `Python could not start: ${data.message}` });
      else listeners.forEach((listener) => listener(data));
    };
    worker.onFailure((message) => resolve({ ok: false, message: `Python could not start: ${message}` }));
    filesForInterpreter().then(
      ({ files, transfer }) =>
        worker.port.postMessage({ type: 'load', indexURL, files } satisfies PythonRequest, transfer),
      (error: unknown) =>
        resolve({
          ok: false,
          message: `Python could not start: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  });
  return { worker, loaded, listeners, restart, created, progress };
}

/** Starts loading Python ahead of a Run: on intent (pointer over or focus in a Python snippet), and after each run. */
export function warmUp(): void {
  if (!unsupported) spare ??= startInterpreter();
}

/** The interpreter for a run, which no other run will ever use: the spare if one is loading or loaded. */
function takeInterpreter(): Interpreter {
  const interpreter = spare ?? startInterpreter();
  spare = undefined;
  return interpreter;
}

/** An interpreter as the host sees it: its own port, and it ends with the run, however the run ends. */
function dedicated(interpreter: Interpreter): SandboxWorker {
  return {
    send: (request) => interpreter.worker.port.postMessage(request satisfies PythonRequest),
    onMessage: (listener) => interpreter.listeners.add(listener),
    onFailure: (listener) => interpreter.worker.onFailure(listener),
    terminate: () => interpreter.worker.terminate(),
  };
}

export interface PythonRunOptions {
  code: string;
  /** The run's time limit, counted once Python is loaded; the snippets' own limit unless given. */
  limitMs?: number;
  onLine: (line: OutputLine) => void;
  /** Where the run's interpreter is while the run waits for it, at once and on every change; null once it is over. */
  onProgress: (status: LoadStatus | null) => void;
}

/**
 * Runs Python code like `startRun` runs JavaScript, in an interpreter of its
 * own: nothing an earlier run left (globals, builtins, modules, files,
 * environment, timers, a patched harness) can reach it. One run at a time:
 * starting one stops the one before. The time limit starts once Python is loaded.
 */
export function runPython({ code, limitMs, onLine, onProgress }: PythonRunOptions): Run {
  active?.stop();
  const interpreter = takeInterpreter();
  let run: Run | undefined;
  let settle: (result: RunResult) => void = () => {};
  const result = new Promise<RunResult>((resolve) => (settle = resolve));
  let waiting = true;
  let started = true;
  const watcher = () => onProgress(statusOf(interpreter));
  const endWaiting = () => {
    waiting = false;
    statusWatchers.delete(watcher);
    onProgress(null);
  };
  statusWatchers.add(watcher);
  watcher();
  void interpreter.loaded.then((outcome) => {
    if (!waiting) return;
    endWaiting();
    if (outcome.ok) {
      run = startRun({ code, spawn: () => dedicated(interpreter), onLine, ...(limitMs !== undefined && { limitMs }) });
      void run.result.then(settle);
      return;
    }
    started = false;
    interpreter.worker.terminate();
    // A download that failed is tried again by the next run; a browser without JSPI is not.
    if (outcome.message === NO_JSPI_MESSAGE) unsupported = true;
    const line: OutputLine = { level: 'error', text: outcome.message, ms: 0 };
    onLine(line);
    settle({ reason: 'failed', lines: [line], truncated: false });
  });
  const handle: Run = {
    result,
    stop: () => {
      if (run) return run.stop();
      if (!waiting) return;
      endWaiting();
      const line: OutputLine = { level: 'info', text: 'Stopped.', ms: 0 };
      // No snippet code ran yet: the interpreter keeps loading, as the spare for the next run.
      if (spare) interpreter.worker.terminate();
      else spare = interpreter;
      onLine(line);
      settle({ reason: 'stopped', lines: [line], truncated: false });
    },
  };
  active = handle;
  void result.then(() => {
    if (active === handle) active = undefined;
    // The next run's interpreter starts now, while the reader reads this one's output (a run that stopped this
    // one took its own).
    if (started && !active) warmUp();
  });
  return handle;
}
