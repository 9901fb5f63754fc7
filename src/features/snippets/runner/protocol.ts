/** Messages between the page (or the Node doctests) and the sandbox worker. */

export type Level = 'log' | 'info' | 'warn' | 'error';

/** One printed line and when it was printed, in ms since the snippet started. */
export interface OutputLine {
  level: Level;
  text: string;
  ms: number;
}

/** Host → sandbox: the JavaScript to run (already transpiled from TypeScript). */
export interface RunRequest {
  type: 'run';
  code: string;
}

/** Sandbox → host. */
export type SandboxMessage = { type: 'line'; line: OutputLine } | { type: 'done'; failed: boolean };
