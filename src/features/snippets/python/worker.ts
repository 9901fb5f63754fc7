/**
 * The page's Python sandbox: a module worker that loads CPython (Pyodide) from
 * our own origin once, reports download progress, and then runs one snippet
 * per `run` message, staying warm in between. The controller terminates it on
 * Stop or at the time limit and starts a new one for the next run.
 *
 * Before the first snippet runs, the worker locks itself down: `js` exposes
 * only JS_GLOBALS (js-globals.ts), and the network, storage and worker APIs are removed from the
 * worker's global scope, so neither `js` nor `pyodide_js` / `pyodide.ffi` can
 * reach them. The page's CSP (inherited: controller.ts starts this module
 * through a `blob:` worker) blocks `eval` and requests to other origins.
 */
import type { PyodideAPI } from 'pyodide';
import type { SandboxMessage } from '../runner/protocol';
import { JS_GLOBALS } from './js-globals';
import { createPythonRuntime, type PythonRuntime } from './runtime';
import type { PythonRequest, PythonWorkerMessage } from './protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<PythonRequest>) => void): void;
  postMessage(message: PythonWorkerMessage | SandboxMessage): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: PythonWorkerMessage | SandboxMessage) => scope.postMessage(message);

/** WebAssembly JavaScript Promise Integration: what lets `asyncio.run()` block in Pyodide. */
export const hasJspi = (): boolean => typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';

/** Wraps `fetch` during loading so the page can show the bytes received so far. */
function countingFetch(onBytes: (bytes: number) => void): typeof fetch {
  const realFetch = fetch;
  return async (input, init) => {
    const response = await realFetch(input, init);
    if (!response.body) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    });
    // Same headers (application/wasm included), so streaming compilation still applies.
    return new Response(response.body.pipeThrough(counter), { status: response.status, headers: response.headers });
  };
}

/** Names removed from the worker's global scope and its prototypes before any snippet runs. */
const CLOSED_APIS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
  'importScripts',
  'indexedDB',
  'caches',
  'cookieStore',
  'Request',
];

function closeWorkerScope(): void {
  for (let target: object | null = self; target; target = Object.getPrototypeOf(target)) {
    for (const name of CLOSED_APIS) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Reflect.deleteProperty(target, name);
    }
  }
  // navigator.storage (Storage API, OPFS) lives on WorkerNavigator.prototype.
  const navigatorPrototype = Object.getPrototypeOf(navigator) as object;
  Reflect.deleteProperty(navigatorPrototype, 'storage');
}

async function load(indexURL: string): Promise<PythonRuntime> {
  let loaded = 0;
  let reported = 0;
  const counting = countingFetch((bytes) => {
    loaded += bytes;
    // At most one progress message per 64 kB, so progress does not flood the page.
    if (loaded - reported >= 65_536) post({ type: 'progress', loaded: (reported = loaded) });
  });
  globalThis.fetch = counting;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: (options: object) => Promise<PyodideAPI>;
  };
  const pyodide = await loadPyodide({ indexURL, jsglobals: JS_GLOBALS, env: { HOME: '/home/pyodide' } });
  post({ type: 'progress', loaded });
  const runtime = createPythonRuntime(pyodide);
  closeWorkerScope();
  return runtime;
}

let runtime: Promise<PythonRuntime> | undefined;
// Runs one at a time: a run message that arrives during another run waits for it.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', ({ data: request }) => {
  if (request.type === 'load') {
    if (!hasJspi()) {
      post({ type: 'unsupported' });
      return;
    }
    runtime ??= load(request.indexURL);
    runtime.then(
      () => post({ type: 'ready' }),
      (error: unknown) =>
        post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  if (!runtime) throw new Error('The Python worker got a run request before a load request.');
  const ready = runtime;
  queue = queue.then(async () => (await ready).run(request.code, post));
});
