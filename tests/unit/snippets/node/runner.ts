/** Runs a snippet in Node with the page's sandbox code and time limit, for the runner's unit tests (the doctests run in Chromium). */
import { Worker } from 'node:worker_threads';
import {
  startRun,
  type Run,
  type RunOptions,
  type RunResult,
  type SandboxWorker,
} from '../../../../src/features/snippets/runner/host.ts';
import type { SandboxMessage } from '../../../../src/features/snippets/runner/protocol.ts';

const workerFile = new URL('./runner-worker.ts', import.meta.url);

/** A fresh worker thread running runner-worker.ts. */
export function spawnNodeSandbox(): SandboxWorker {
  // stdout/stderr are piped and dropped: everything a snippet prints goes
  // through the sandbox's console, and Node must not add its own output.
  const worker = new Worker(workerFile, { stdout: true, stderr: true });
  return {
    send: (request) => worker.postMessage(request),
    onMessage: (listener) => worker.on('message', (message: SandboxMessage) => listener(message)),
    onFailure: (listener) => worker.on('error', (error) => listener(error.message)),
    terminate: () => void worker.terminate(),
  };
}

export function startNodeRun(code: string, options: Omit<RunOptions, 'code' | 'spawn'> = {}): Run {
  return startRun({ ...options, code, spawn: spawnNodeSandbox });
}

export function runInNode(code: string, options: Omit<RunOptions, 'code' | 'spawn'> = {}): Promise<RunResult> {
  return startNodeRun(code, options).result;
}
