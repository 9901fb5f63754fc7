/**
 * The sandboxed frame every snippet runs behind: a static HTML document of our
 * own build, loaded by the page as `<iframe sandbox="allow-scripts">` (an
 * opaque origin: no cookies, no storage), carrying its own
 * Content-Security-Policy. Its one inline script starts sandbox workers from
 * blob: URLs; such a worker inherits the frame's policy and opaque origin, and
 * so does every worker it starts in turn. The browser enforces all of it.
 *
 * The document is built here, in Node, and written to `_astro/` under a name
 * carrying its hash (integration.ts), so a cached frame never outlives the page
 * scripts that speak to it.
 */
import { createHash } from 'node:crypto';

/**
 * The policy of the frame and of every worker in it. Each source is something
 * the runner itself needs:
 * - script-src: the frame's inline script by hash; 'unsafe-eval' because the
 *   worker compiles the snippet with `new AsyncFunction(code)` (eval reaches
 *   nothing the policy does not already allow).
 * - worker-src blob:: the runner's worker, and the nested workers snippets
 *   start to show parallelism; data: and URLs on any origin stay blocked.
 * - default-src 'none' (connect-src, img-src, font-src, …): no fetch, XHR,
 *   WebSocket, EventSource, import() or importScripts() anywhere, our own
 *   origin included.
 * A runtime that needs more files (Python: Pyodide's wasm and stdlib) gets
 * them from the host as bytes in the RunRequest; compiling them would add
 * 'wasm-unsafe-eval' (and blob: for a module loaded from those bytes), never a
 * network source.
 */
export function framePolicy(scriptHash: string): string {
  return ["default-src 'none'", `script-src '${scriptHash}' 'unsafe-eval'`, ...SHARED_DIRECTIVES].join('; ');
}

const SHARED_DIRECTIVES = ['worker-src blob:', "connect-src 'none'", "base-uri 'none'", "form-action 'none'"];

/**
 * The Python frame's policy: the same, except how code may run. The host
 * fetches Pyodide's files and hands them over as bytes (python/session.ts),
 * so the worker makes no request at all and connect-src stays 'none'.
 * - blob:: Pyodide's two ES modules (pyodide.mjs, pyodide.asm.mjs) are
 *   imported from blob: URLs the worker makes of those bytes.
 * - 'wasm-unsafe-eval': compiling pyodide.asm.wasm; no 'unsafe-eval', so
 *   neither `js.eval` nor `Function` works from Python.
 */
export function pythonFramePolicy(scriptHash: string): string {
  return ["default-src 'none'", `script-src '${scriptHash}' blob: 'wasm-unsafe-eval'`, ...SHARED_DIRECTIVES].join('; ');
}

/**
 * Runs inside the frame. Plain JavaScript in a string, not a stringified
 * function: tools that compile this module (tsx, Vite) would otherwise leave
 * their own helpers in it (esbuild's `__name(…)`), which the frame lacks.
 * Only the embedding page may command it; each spawned worker gets its port to
 * the page and is terminated on request. Messages follow FrameRequest and
 * FrameEvent (runner/protocol.ts).
 *
 * The Python frame also keeps the first compiled WebAssembly.Module a worker
 * posts and hands it to every later worker (ConnectRequest.wasm), which then
 * instantiates CPython without compiling its wasm again. A module is
 * code, not state: each instance gets its own memory. The first one is always
 * CPython's: a worker posts it while loading, before any snippet runs in it,
 * and no snippet runs anywhere before some worker has loaded.
 */
const frameScript = (keepWasm: boolean) => `(() => {
  const keepWasm = ${keepWasm};
  let wasm;
  const workers = new Map();
  const tell = (event) => window.parent.postMessage(event, '*');
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const request = event.data;
    if (request.type === 'terminate') {
      const entry = workers.get(request.id);
      workers.delete(request.id);
      if (entry) {
        entry.worker.terminate();
        URL.revokeObjectURL(entry.url);
      }
      return;
    }
    const { id, source, port } = request;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      const worker = new Worker(url, { name: 'snippet' });
      worker.addEventListener('error', (error) => {
        error.preventDefault();
        tell({ type: 'failure', id, message: error.message || 'the worker script could not start' });
      });
      if (keepWasm) {
        worker.addEventListener('message', (event) => {
          if (!wasm && event.data instanceof WebAssembly.Module) wasm = event.data;
        });
      }
      worker.postMessage({ type: 'connect', wasm }, [port]);
      workers.set(id, { worker, url });
    } catch (error) {
      URL.revokeObjectURL(url);
      tell({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
    }
  });
  tell({ type: 'ready' });
})();`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

export interface SandboxFrame {
  /** File name under `_astro/`. */
  file: string;
  html: string;
  policy: string;
}

export type FrameKind = 'typescript' | 'python';

export function buildSandboxFrame(kind: FrameKind = 'typescript'): SandboxFrame {
  const script = frameScript(kind === 'python');
  const policy = (kind === 'python' ? pythonFramePolicy : framePolicy)(`sha256-${sha256(script)}`);
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${policy}">`,
    '<meta name="robots" content="noindex">',
    `<title>${kind === 'python' ? 'Python sandbox' : 'Snippet sandbox'}</title>`,
    `<script>${script}</script>`,
    '</head>',
    '<body></body>',
    '</html>',
    '',
  ].join('\n');
  const hash = createHash('sha256').update(html).digest('hex').slice(0, 10);
  return { file: `${kind === 'python' ? 'python' : 'snippet'}-sandbox.${hash}.html`, html, policy };
}
