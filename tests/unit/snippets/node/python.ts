/**
 * The Python runtime under Node 24 (which has WebAssembly JSPI, so
 * `asyncio.run` works as in Chromium), for the runtime's unit tests only: one
 * warm Pyodide in a worker thread runs project-written code one snippet after
 * another with the page's harness and limits (unlike the page, which gives
 * every run a fresh interpreter); a snippet that hits the time limit gets its
 * thread terminated and the next one a new interpreter. It is not a sandbox
 * (js-globals.ts): notes' code never runs here.
 */
import { Worker } from 'node:worker_threads';
import { startRun, type RunResult, type SandboxWorker } from '../../../../src/features/snippets/runner/host.ts';
import type { SandboxMessage, Timeline } from '../../../../src/features/snippets/runner/protocol.ts';

const workerFile = new URL('./python-worker.ts', import.meta.url);

interface Thread {
  worker: Worker;
  ready: Promise<void>;
}

let thread: Thread | undefined;

function startThread(): Thread {
  const worker = new Worker(workerFile, { stdout: true, stderr: true });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { worker, ready };
}

function attach(current: Thread, onTimeline: (timeline: Timeline) => void): SandboxWorker {
  let finished = false;
  const detach: (() => void)[] = [];
  return {
    send: (request) => current.worker.postMessage(request),
    onMessage: (listener) => {
      const relay = (message: SandboxMessage) => {
        if (message.type === 'done') finished = true;
        if (message.type === 'timeline') onTimeline(message.timeline);
        listener(message);
      };
      current.worker.on('message', relay);
      detach.push(() => current.worker.off('message', relay));
    },
    onFailure: (listener) => {
      const relay = (error: Error) => listener(error.message);
      current.worker.on('error', relay);
      detach.push(() => current.worker.off('error', relay));
    },
    terminate: () => {
      detach.forEach((off) => off());
      if (finished) return;
      void current.worker.terminate();
      if (thread === current) thread = undefined;
    },
  };
}

/** Loads Python (once); resolves when the interpreter is ready. */
export async function warmPython(): Promise<void> {
  await (thread ??= startThread()).ready;
}

/** A run's result and the timeline its runtime posted (as sent: the host's own checks are tested with the view). */
export async function runPythonInNode(code: string, limitMs?: number): Promise<RunResult & { timeline?: Timeline }> {
  await warmPython();
  const current = thread!;
  let timeline: Timeline | undefined;
  const spawn = () => attach(current, (recorded) => (timeline = recorded));
  const result = await startRun({ code, spawn, ...(limitMs === undefined ? {} : { limitMs }) }).result;
  return { ...result, ...(timeline ? { timeline } : {}) };
}

/** Ends the interpreter thread (after the last doctest), so the test process can exit. */
export async function stopPython(): Promise<void> {
  const current = thread;
  thread = undefined;
  await current?.worker.terminate();
}
