/**
 * The page's Python sandbox: a worker the Python sandbox frame starts from a
 * blob: URL (sandbox-frame.ts), so it runs in the frame's opaque origin under
 * the frame's policy: no request of any kind (connect-src 'none'), no storage.
 * It hears from the page only on the MessagePort the frame hands it, loads
 * CPython once from the bytes the page sends (the page read them from our own
 * origin), then runs one snippet: the page ends the worker with the run and
 * starts the next run in a fresh one (python/session.ts).
 *
 * `import js` is this worker's whole global scope: the browser, not a list of
 * deleted names, is what keeps snippet code from the network and storage.
 */
import type { PyodideAPI } from 'pyodide';
import type { ConnectRequest, SandboxMessage } from '../runner/protocol';
import { createPythonRuntime, type PythonRuntime } from './runtime';
import type { PyodideFileName } from './assets';
import type { PyodideFiles, PythonRequest, PythonWorkerMessage, StartStep } from './protocol';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ConnectRequest>) => void,
    options?: AddEventListenerOptions,
  ): void;
}
const scope = self as unknown as WorkerScope;

/** WebAssembly JavaScript Promise Integration: what lets `asyncio.run()` block in Pyodide. */
export const hasJspi = (): boolean => typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';

const CONTENT_TYPES: Record<string, string> = { '.wasm': 'application/wasm', '.zip': 'application/zip' };

/**
 * Pyodide reads its wasm and standard library with `fetch`; while it loads,
 * `fetch` answers from what the page sent (with its content type, so the wasm
 * compiles while its stream still downloads) and nothing else. The real `fetch` comes back
 * afterwards, for snippet code to find blocked by the policy.
 */
async function withFilesAsFetch<T>(indexURL: string, files: PyodideFiles, load: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = url.startsWith(indexURL) ? url.slice(indexURL.length) : '';
    const file = files[name as PyodideFileName];
    if (!file) throw new TypeError(`Pyodide asked for ${url}, which the page did not send`);
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
    return new Response(file, { headers: { 'Content-Type': type } });
  };
  try {
    return await load();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * Pyodide compiles its wasm with `WebAssembly.instantiateStreaming`; while it
 * loads, that instantiates the module the frame kept when there is one, and
 * otherwise compiles it and posts the module to the frame for the workers
 * after this one (sandbox-frame.ts). Compiling and instantiating are two calls
 * here, so the page can tell the reader which one is under way. No snippet has
 * run in this worker yet.
 */
async function withKeptWasm<T>(
  kept: WebAssembly.Module | undefined,
  onStep: (step: StartStep) => void,
  load: () => Promise<T>,
): Promise<T> {
  const realInstantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    let module = kept;
    if (!module) {
      onStep('compile');
      module = await WebAssembly.compileStreaming(source);
      scope.postMessage(module);
    }
    onStep('instantiate');
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  try {
    return await load();
  } finally {
    WebAssembly.instantiateStreaming = realInstantiateStreaming;
  }
}

// Pyodide refuses classic workers, which it recognises by `importScripts('data:…')` succeeding; under the
// frame's policy (no data: scripts) that fails, and the dynamic import()s below work in this classic worker.
const moduleUrl = async (file: PyodideFiles[PyodideFileName]) =>
  URL.createObjectURL(new Blob([await new Response(file).arrayBuffer()], { type: 'text/javascript' }));

async function load(
  indexURL: string,
  files: PyodideFiles,
  wasm: WebAssembly.Module | undefined,
  onStep: (step: StartStep) => void,
): Promise<PythonRuntime> {
  // The two small modules are read whole; the wasm and the standard library stay streams until Pyodide asks.
  const [loaderUrl, moduleFactoryUrl, lockFileContents] = await Promise.all([
    moduleUrl(files['pyodide.mjs']),
    moduleUrl(files['pyodide.asm.mjs']),
    new Response(files['pyodide-lock.json']).text(),
  ]);
  try {
    const [{ loadPyodide }, { default: createPyodideModule }] = (await Promise.all([
      import(/* @vite-ignore */ loaderUrl),
      import(/* @vite-ignore */ moduleFactoryUrl),
    ])) as [{ loadPyodide: (options: object) => Promise<PyodideAPI> }, { default: unknown }];
    const pyodide = await withKeptWasm(wasm, onStep, () =>
      withFilesAsFetch(indexURL, files, () =>
        loadPyodide({
          indexURL,
          createPyodideModule,
          lockFileContents,
          env: { HOME: '/home/pyodide' },
          // Called once the wasm is instantiated and its file system made, just before CPython itself starts.
          fsInit: async () => onStep('interpreter'),
        }),
      ),
    );
    onStep('harness');
    return createPythonRuntime(pyodide);
  } finally {
    URL.revokeObjectURL(loaderUrl);
    URL.revokeObjectURL(moduleFactoryUrl);
  }
}

function serve(port: MessagePort, wasm: WebAssembly.Module | undefined): void {
  // Bound now, before any snippet code can replace MessagePort.prototype.postMessage.
  const post = MessagePort.prototype.postMessage.bind(port) as (message: PythonWorkerMessage | SandboxMessage) => void;
  let runtime: Promise<PythonRuntime> | undefined;
  let ran = false;
  port.addEventListener('message', ({ data: request }: MessageEvent<PythonRequest>) => {
    if (request.type === 'load') {
      if (!hasJspi()) return post({ type: 'unsupported' });
      runtime ??= load(request.indexURL, request.files, wasm, (step) => post({ type: 'starting', step }));
      runtime.then(
        () => post({ type: 'ready' }),
        (error: unknown) =>
          post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    if (!runtime) throw new Error('The Python worker got a run request before a load request.');
    // One run per interpreter: the page terminates this worker when the run ends (python/session.ts).
    if (ran) throw new Error('The Python worker got a second run request; every run gets a fresh interpreter.');
    ran = true;
    void runtime.then((ready) => ready.run(request.code, post));
  });
  port.start();
}

scope.addEventListener(
  'message',
  (event) => {
    const port = event.ports[0];
    if (event.data?.type === 'connect' && port) serve(port, event.data.wasm);
  },
  { once: true },
);
