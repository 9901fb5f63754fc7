/**
 * The host side of a run, shared by the page and the runner's unit tests
 * (tests/unit/snippets/node/): starts a
 * fresh sandbox worker, collects its lines within OUTPUT_LIMITS, and ends the
 * run when the snippet finishes, when the reader presses Stop, or when the
 * time limit is reached. Whatever the worker posts is untrusted: it is checked
 * for shape and counted here, before anything reaches the page.
 */
import {
  OUTPUT_LIMITS,
  truncationNote,
  type Level,
  type OutputLine,
  type RunRequest,
  type Timeline,
} from './protocol.ts';
import { checkTimeline } from '../timeline/check.ts';

/** A runaway snippet is terminated after this long. */
export const TIME_LIMIT_MS = 10_000;

/** The parts of a worker the host needs; the page and Node adapt their own. */
export interface SandboxWorker {
  send(request: RunRequest): void;
  /** Every message the worker posts, unchecked. */
  onMessage(listener: (message: unknown) => void): void;
  /** The worker itself failed (could not load, crashed). */
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
}

export type EndReason = 'finished' | 'failed' | 'timeout' | 'stopped';

export interface RunResult {
  reason: EndReason;
  lines: OutputLine[];
  /** Output was cut at OUTPUT_LIMITS. */
  truncated: boolean;
  /** The run's first timeline message, if it was one (../timeline/check.ts). */
  timeline?: Timeline;
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

const LEVELS = new Set<unknown>(['log', 'info', 'warn', 'error'] satisfies Level[]);

type Checked =
  | { type: 'line'; level: Level; text: string; ms: number }
  | { type: 'timeline'; timeline: unknown }
  | { type: 'done'; failed: boolean }
  | null;

/** The message as the protocol defines it, or null for anything else (dropped). */
function check(message: unknown): Checked {
  if (typeof message !== 'object' || message === null) return null;
  const { type } = message as { type?: unknown };
  if (type === 'done') return { type, failed: (message as { failed?: unknown }).failed === true };
  if (type === 'timeline') return { type, timeline: (message as { timeline?: unknown }).timeline };
  if (type !== 'line') return null;
  const line = (message as { line?: unknown }).line;
  if (typeof line !== 'object' || line === null) return null;
  const { level, text, ms } = line as Partial<Record<keyof OutputLine, unknown>>;
  if (!LEVELS.has(level) || typeof text !== 'string' || typeof ms !== 'number') return null;
  return { type, level: level as Level, text, ms };
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
  let truncated = false;
  let messages = 0;
  let characters = 0;
  let timeline: Timeline | null | undefined;

  const push = (line: OutputLine) => {
    lines.push(line);
    onLine?.(line);
  };
  const truncate = () => {
    if (truncated) return;
    truncated = true;
    push({ level: 'warn', text: truncationNote(), ms: performance.now() - startedAt, notice: 'truncated' });
  };
  const end = (reason: EndReason, message?: string) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    worker.terminate();
    if (message)
      push({ level: reason === 'stopped' ? 'info' : 'error', text: message, ms: performance.now() - startedAt });
    settle({ reason, lines, truncated, ...(timeline && { timeline }) });
  };
  const timer = setTimeout(() => end('timeout', timeLimitMessage(limitMs)), limitMs);

  worker.onMessage((raw) => {
    if (ended) return;
    const message = check(raw);
    // The end of the run always counts; anything past the budget is only counted.
    if (message?.type === 'done') return end(message.failed ? 'failed' : 'finished');
    // One timeline a run, whatever the output's budget: the first one posted counts, valid or not.
    if (message?.type === 'timeline') {
      if (timeline === undefined) timeline = checkTimeline(message.timeline, performance.now() - startedAt);
      return;
    }
    if (++messages > OUTPUT_LIMITS.messages) return truncate();
    if (!message || truncated) return;
    if (lines.length >= OUTPUT_LIMITS.lines) return truncate();
    const room = OUTPUT_LIMITS.characters - characters;
    if (room <= 0) return truncate();
    const text = message.text.length > room ? message.text.slice(0, room) : message.text;
    characters += text.length;
    push({ level: message.level, text, ms: message.ms });
    if (text.length < message.text.length) truncate();
  });
  worker.onFailure((message) => end('failed', `The sandbox failed: ${message}`));
  worker.send({ type: 'run', code });

  return { result, stop: () => end('stopped', 'Stopped.') };
}
