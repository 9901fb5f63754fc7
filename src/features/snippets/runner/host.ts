/**
 * The host side of a run, shared by the page and the Node doctests: starts a
 * fresh sandbox worker, collects its lines, and ends the run when the snippet
 * finishes, when the reader presses Stop, or when the time limit is reached.
 */
import type { OutputLine, RunRequest, SandboxMessage } from './protocol.ts';

/** A runaway snippet is terminated after this long. */
export const TIME_LIMIT_MS = 10_000;

/** The parts of a worker the host needs; the page and Node adapt their own. */
export interface SandboxWorker {
  send(request: RunRequest): void;
  onMessage(listener: (message: SandboxMessage) => void): void;
  /** The worker itself failed (could not load, crashed). */
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
}

export type EndReason = 'finished' | 'failed' | 'timeout' | 'stopped';

export interface RunResult {
  reason: EndReason;
  lines: OutputLine[];
}

export interface RunOptions {
  code: string;
  spawn: () => SandboxWorker;
  limitMs?: number;
  onLine?: (line: OutputLine) => void;
}

export interface Run {
  result: Promise<RunResult>;
  stop(): void;
}

export function timeLimitMessage(limitMs: number): string {
  return `Stopped after ${limitMs / 1000} s, the time limit for a snippet: a loop that never ends or never yields keeps its thread busy.`;
}

export function startRun({ code, spawn, limitMs = TIME_LIMIT_MS, onLine }: RunOptions): Run {
  const lines: OutputLine[] = [];
  const startedAt = performance.now();
  const worker = spawn();
  let settle: (result: RunResult) => void = () => {};
  const result = new Promise<RunResult>((resolve) => {
    settle = resolve;
  });
  let ended = false;

  const push = (line: OutputLine) => {
    lines.push(line);
    onLine?.(line);
  };
  const end = (reason: EndReason, message?: string) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    worker.terminate();
    if (message)
      push({ level: reason === 'stopped' ? 'info' : 'error', text: message, ms: performance.now() - startedAt });
    settle({ reason, lines });
  };
  const timer = setTimeout(() => end('timeout', timeLimitMessage(limitMs)), limitMs);

  worker.onMessage((message) => {
    if (ended) return;
    if (message.type === 'line') push(message.line);
    else end(message.failed ? 'failed' : 'finished');
  });
  worker.onFailure((message) => end('failed', `The sandbox failed: ${message}`));
  worker.send({ type: 'run', code });

  return { result, stop: () => end('stopped', 'Stopped.') };
}
