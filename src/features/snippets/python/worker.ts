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
 * `fetch` answers from what the page sent (with its content type) and nothing
 * else. The real `fetch` comes back afterwards, for snippet code to find
 * blocked by the policy.
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
 * CPython's wasm module: the one the frame kept when there is one, and
 * otherwise compiled here from its stream as soon as the page sends it (while
 * the rest still downloads and Pyodide's loader is read), then posted to the
 * frame for the workers after this one (sandbox-frame.ts).
 */
function wasmModule(
  kept: WebAssembly.Module | undefined,
  file: PyodideFiles[PyodideFileName],
  onStep: (step: StartStep) => void,
): Promise<WebAssembly.Module> {
  if (kept) return Promise.resolve(kept);
  onStep('compile');
  const compiled = WebAssembly.compileStreaming(
    new Response(file, { headers: { 'Content-Type': 'application/wasm' } }),
  );
  // A failed compile fails the load, which reports it.
  compiled.then(
    (module) => scope.postMessage(module),
    () => {},
  );
  return compiled;
}

/**
 * Pyodide compiles its wasm with `WebAssembly.instantiateStreaming`; while it
 * loads, that instantiates the module compiled or kept above instead. No
 * snippet has run in this worker yet.
 */
async function withWasmModule<T>(
  module: Promise<WebAssembly.Module>,
  onStep: (step: StartStep) => void,
  load: () => Promise<T>,
): Promise<T> {
  const realInstantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (_source, imports) => {
    const compiled = await module;
    onStep('instantiate');
    return { module: compiled, instance: await WebAssembly.instantiate(compiled, imports) };
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
  const module = wasmModule(wasm, files['pyodide.asm.wasm'], onStep);
  // Compiled above: Pyodide's own request for the wasm gets an empty answer, which it hands to
  // instantiateStreaming, which does not read it.
  const others: PyodideFiles = { ...files, 'pyodide.asm.wasm': new ArrayBuffer(0) };
  // The two small modules are read whole; the standard library stays a stream until Pyodide asks.
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
    const pyodide = await withWasmModule(module, onStep, () =>
      withFilesAsFetch(indexURL, others, () =>
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
