/**
 * The page's side of Python: one warm interpreter per page, in a worker that
 * is created from a `blob:` URL so it inherits the page's Content-Security-
 * Policy (no `eval`, no other origin; see worker.ts for what it closes
 * itself). Loading starts on intent (`warmUp`) or on the first Run; runs then
 * reuse the interpreter. Stop and the time limit terminate the worker, and a
 * fresh one starts loading at once (from the HTTP cache) for the next run.
 *
 * Requests, all same-origin, under `<base>pyodide/<version>/`: `pyodide.mjs`
 * and `pyodide.asm.mjs` (module imports: script-src 'self'), `pyodide.asm.wasm`
 * (fetch + streaming compile: connect-src 'self', script-src 'wasm-unsafe-eval'),
 * `python_stdlib.zip` and `pyodide-lock.json` (fetch: connect-src 'self'); the
 * worker itself from `_astro/` (worker-src blob:, then script-src 'self').
 */
import { startRun, type Run, type RunResult, type SandboxWorker } from '../runner/host';
import type { OutputLine, SandboxMessage } from '../runner/protocol';
import { PYODIDE_DIR } from './assets';
import { NO_JSPI_MESSAGE, type PythonRequest, type PythonWorkerMessage } from './protocol';
import workerUrl from './worker.ts?worker&url';

export interface LoadProgress {
  loaded: number;
  total: number;
}

type LoadOutcome = { ok: true } | { ok: false; message: string };

interface Interpreter {
  worker: Worker;
  loaded: Promise<LoadOutcome>;
  listeners: Set<(message: SandboxMessage) => void>;
  progress: Set<(progress: LoadProgress) => void>;
}

let current: Interpreter | undefined;

function startWorker(): Worker {
  const moduleUrl = new URL(workerUrl, location.href).href;
  const source = new Blob([`import ${JSON.stringify(moduleUrl)};`], { type: 'text/javascript' });
  const blobUrl = URL.createObjectURL(source);
  const worker = new Worker(blobUrl, { type: 'module', name: 'python' });
  URL.revokeObjectURL(blobUrl);
  return worker;
}

function startInterpreter(): Interpreter {
  const worker = startWorker();
  const listeners = new Set<(message: SandboxMessage) => void>();
  const progress = new Set<(progress: LoadProgress) => void>();
  const loaded = new Promise<LoadOutcome>((resolve) => {
    worker.addEventListener('message', ({ data }: MessageEvent<PythonWorkerMessage | SandboxMessage>) => {
      if (data.type === 'progress')
        progress.forEach((listener) => listener({ loaded: data.loaded, total: __PYODIDE_FETCH_BYTES__ }));
      else if (data.type === 'ready') resolve({ ok: true });
      else if (data.type === 'unsupported') resolve({ ok: false, message: NO_JSPI_MESSAGE });
      else if (data.type === 'load-failed') resolve({ ok: false, message: `Python could not start: ${data.message}` });
      else listeners.forEach((listener) => listener(data));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      resolve({ ok: false, message: `Python could not start: ${event.message || 'the worker script failed to load'}` });
    });
  });
  const indexURL = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${PYODIDE_DIR}`, location.href).href;
  worker.postMessage({ type: 'load', indexURL } satisfies PythonRequest);
  return { worker, loaded, listeners, progress };
}

/** Starts loading Python ahead of the first Run (pointer over or focus in a Python snippet). */
export function warmUp(): void {
  current ??= startInterpreter();
}

function restart(dead: Interpreter): void {
  dead.worker.terminate();
  if (current === dead) current = startInterpreter();
}

/** The warm worker as the host sees it: ending a run kills it only if the run did not finish by itself. */
function attach(interpreter: Interpreter): SandboxWorker {
  let finished = false;
  let failure: ((event: ErrorEvent) => void) | undefined;
  const listeners: ((message: SandboxMessage) => void)[] = [];
  const relay = (message: SandboxMessage) => {
    if (message.type === 'done') finished = true;
    listeners.forEach((listener) => listener(message));
  };
  interpreter.listeners.add(relay);
  return {
    send: (request) => interpreter.worker.postMessage(request satisfies PythonRequest),
    onMessage: (listener) => listeners.push(listener),
    onFailure: (listener) => {
      failure = (event: ErrorEvent) => listener(event.message || 'the worker crashed');
      interpreter.worker.addEventListener('error', failure);
    },
    terminate: () => {
      interpreter.listeners.delete(relay);
      if (failure) interpreter.worker.removeEventListener('error', failure);
      if (!finished) restart(interpreter);
    },
  };
}

export interface PythonRunOptions {
  code: string;
  onLine: (line: OutputLine) => void;
  onProgress: (progress: LoadProgress | null) => void;
}

/** Runs Python code like `startRun` runs JavaScript; the time limit starts once Python is loaded. */
export function runPython({ code, onLine, onProgress }: PythonRunOptions): Run {
  const interpreter = (current ??= startInterpreter());
  let run: Run | undefined;
  let settle: (result: RunResult) => void = () => {};
  const result = new Promise<RunResult>((resolve) => (settle = resolve));
  let waiting = true;
  const endWaiting = () => {
    waiting = false;
    interpreter.progress.delete(onProgress);
    onProgress(null);
  };
  interpreter.progress.add(onProgress);
  void interpreter.loaded.then((outcome) => {
    if (!waiting) return;
    endWaiting();
    if (outcome.ok) {
      run = startRun({ code, spawn: () => attach(interpreter), onLine });
      void run.result.then(settle);
      return;
    }
    const line: OutputLine = { level: 'error', text: outcome.message, ms: 0 };
    onLine(line);
    // A download that failed is tried again by the next run; a browser without JSPI is not.
    if (outcome.message !== NO_JSPI_MESSAGE && current === interpreter) {
      interpreter.worker.terminate();
      current = undefined;
    }
    settle({ reason: 'failed', lines: [line] });
  });
  return {
    result,
    stop: () => {
      if (run) return run.stop();
      if (!waiting) return;
      endWaiting();
      const line: OutputLine = { level: 'info', text: 'Stopped.', ms: 0 };
      // No snippet code ran yet: the interpreter keeps loading for the next run.
      onLine(line);
      settle({ reason: 'stopped', lines: [line] });
    },
  };
}
