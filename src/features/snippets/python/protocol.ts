/**
 * Messages of the Python worker beyond the snippet protocol (runner/protocol.ts):
 * the page asks it to load CPython first, and hears back about bytes received,
 * readiness, or why it cannot run Python at all.
 */
import type { RunRequest } from '../runner/protocol';

export interface LoadRequest {
  type: 'load';
  /** Absolute URL of the versioned Pyodide folder, ending in `/`. */
  indexURL: string;
}

export type PythonRequest = LoadRequest | RunRequest;

export type PythonWorkerMessage =
  | { type: 'progress'; loaded: number }
  | { type: 'ready' }
  | { type: 'unsupported' }
  | { type: 'load-failed'; message: string };

/** Shown instead of output when the browser lacks WebAssembly JSPI. */
export const NO_JSPI_MESSAGE =
  'This browser cannot run the Python examples: asyncio.run() in the page needs WebAssembly JavaScript Promise Integration (JSPI), which current Chrome and Edge have and this browser lacks.';
