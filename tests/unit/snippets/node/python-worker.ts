/**
 * The interpreter thread of the runtime's unit tests (see python.ts): loads Pyodide from
 * node_modules with the same `js` globals and harness as the page's worker,
 * says "ready", then runs each snippet it receives.
 */
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { RunRequest } from '../../../../src/features/snippets/runner/protocol.ts';
import { createPythonRuntime } from '../../../../src/features/snippets/python/runtime.ts';
import { JS_GLOBALS } from './js-globals.ts';

if (!parentPort)
  throw new Error('tests/unit/snippets/node/python-worker.ts runs only as a worker thread (see python.ts).');
const port = parentPort;

const pyodide = await loadPyodide({ jsglobals: JS_GLOBALS, env: { HOME: '/home/pyodide' } });
const runtime = createPythonRuntime(pyodide);
let queue = Promise.resolve();
port.on('message', (request: RunRequest) => {
  queue = queue.then(() => runtime.run(request.code, (message) => port.postMessage(message)));
});
port.postMessage({ type: 'ready' });
