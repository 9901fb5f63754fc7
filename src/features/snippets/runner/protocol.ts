/**
 * Messages between the host (the page, or tests/unit/snippets/node/ in the unit tests)
 * and a sandbox worker, and the limits the host enforces on them.
 *
 * In the page a run crosses two boundaries (see sandbox-frame.ts and frame-host.ts):
 *
 *   page ──FrameRequest──▶ sandboxed frame (opaque origin, own CSP) ──creates──▶ blob: worker
 *   page ◀──FrameEvent──── frame                                                    │
 *   page ◀════════ MessagePort: RunRequest ▶ / ◀ SandboxMessage ═══════════════════╛
 *
 * Any runtime plugs in the same way: its worker is one classic script (the
 * host fetches it from our origin and hands its text to the frame), waits for
 * a ConnectRequest carrying its port, then reads one RunRequest and answers
 * with SandboxMessages on that port. The worker runs under the frame's policy:
 * it can fetch nothing, so whatever a runtime needs besides its own script
 * (Pyodide's wasm and stdlib, say) the host fetches and sends as bytes in
 * `RunRequest.files` before any user code runs.
 */

export type Level = 'log' | 'info' | 'warn' | 'error';

/** One printed line and when it was printed, in ms since the snippet started. */
export interface OutputLine {
  level: Level;
  text: string;
  ms: number;
  /**
   * A note about the run rather than output of it, shown without a time stamp: the host's note that output was cut
   * (runner/host.ts), or the page's type errors before a TypeScript run. Never taken from a worker.
   */
  notice?: 'truncated' | 'types';
}

/** Which worker runs the code; each runtime has its own worker script. */
export type Runtime = 'typescript' | 'python';

/** Host → sandbox: the code to run (for TypeScript: already transpiled to JavaScript). */
export interface RunRequest {
  type: 'run';
  code: string;
  /** Files the runtime needs, read by the host from our own origin (transferred, not copied). */
  files?: Record<string, ArrayBuffer>;
}

/**
 * One lane of a run's timeline (../timeline/): a Python asyncio task or thread, or a TypeScript async call, timer
 * or worker. Times are ms since the run started, on the same clock as `OutputLine.ms`.
 */
export interface TimelineTask {
  id: number;
  /** What the reader knows it by: the coroutine or function name, "main", "setTimeout 10 ms", "Worker 1". */
  name: string;
  kind: 'main' | 'task' | 'timer' | 'worker' | 'thread';
  created: number;
  /** Absent while the task was still pending when the run ended. */
  ended?: number;
  /** When it held the thread (a worker: busy on its own thread, as seen from the page's side). */
  running: [from: number, to: number][];
  /** When it could have run (a due timer, a woken task) but another held the thread. */
  ready: [from: number, to: number][];
}

/** What a runtime recorded of its tasks; any time of a task's life in neither list was spent waiting. */
export interface Timeline {
  tasks: TimelineTask[];
  /** Tasks left out past the recorder's cap. */
  dropped: number;
  /** Running and ready periods left out past the recorder's cap (the lanes they belong to are drawn incomplete). */
  droppedPeriods?: number;
}

/** Sandbox → host: lines as they are printed; the timeline once, just before `done`. */
export type SandboxMessage =
  { type: 'line'; line: OutputLine } | { type: 'timeline'; timeline: Timeline } | { type: 'done'; failed: boolean };

/** Frame → worker, once: the port the worker talks to the host on. */
export interface ConnectRequest {
  type: 'connect';
  /** The Python frame only: CPython's wasm, compiled by an earlier worker of the frame (sandbox-frame.ts). */
  wasm?: WebAssembly.Module;
}

/** Page → frame. `id` names one worker for the page's whole visit. */
export type FrameRequest =
  { type: 'spawn'; id: number; source: string; port: MessagePort } | { type: 'terminate'; id: number };

/** Frame → page. */
export type FrameEvent = { type: 'ready' } | { type: 'failure'; id: number; message: string };

/**
 * What the host accepts from one run; the rest is dropped with one visible
 * note. Enforced where the page receives messages (host.ts), since code in
 * the worker can post whatever it likes; the sandbox also respects them so
 * an honest flood is cut before it is copied across.
 */
export const OUTPUT_LIMITS = {
  lines: 1000,
  /** Characters of printed text (1 MB of ASCII). */
  characters: 1_000_000,
  /** Messages of any kind, well-formed or not. */
  messages: 2000,
} as const;

export function truncationNote(): string {
  return `… output truncated: a run shows at most ${OUTPUT_LIMITS.lines.toLocaleString('en')} lines and ${OUTPUT_LIMITS.characters.toLocaleString('en')} characters.`;
}
