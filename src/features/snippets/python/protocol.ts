/**
 * Messages of the Python worker beyond the snippet protocol (runner/protocol.ts):
 * the page sends it CPython's files first, and hears back how far its start
 * has come, then about readiness, or why it cannot run Python at all.
 */
import type { PyodideFileName } from './assets';
import type { RunRequest } from '../runner/protocol';

/**
 * Pyodide's runtime files by name, as read by the page from our own origin:
 * streams while they still download (the first interpreter of a page), whole
 * bytes the page kept (the interpreters started after it).
 */
export type PyodideFiles = Record<PyodideFileName, ReadableStream<Uint8Array> | ArrayBuffer>;

export interface LoadRequest {
  type: 'load';
  /** Absolute URL of the versioned Pyodide folder, ending in `/`: where the files came from (nothing is fetched). */
  indexURL: string;
  files: PyodideFiles;
}

export type PythonRequest = LoadRequest | RunRequest;

/**
 * The steps of an interpreter's start, in order, each reported as it begins: compiling the wasm (while it still
 * downloads; skipped by a worker given the frame's compiled module), instantiating it, the interpreter's own start
 * (standard library in place, CPython's initialisation and Pyodide's bootstrap), and the run harness.
 */
export const START_STEPS = ['compile', 'instantiate', 'interpreter', 'harness'] as const;

export type StartStep = (typeof START_STEPS)[number];

export type PythonWorkerMessage =
  | { type: 'starting'; step: StartStep }
  | { type: 'ready' }
  | { type: 'unsupported' }
  | { type: 'load-failed'; message: string };

/** Shown instead of output when the browser lacks WebAssembly JSPI. */
export const NO_JSPI_MESSAGE =
  'This browser cannot run the Python examples: asyncio.run() in the page needs WebAssembly JavaScript Promise Integration (JSPI), which current Chrome and Edge have and this browser lacks.';
