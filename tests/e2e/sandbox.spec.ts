import type { BrowserContext, Request } from '@playwright/test';
import { test, expect } from './fixtures';
import { prepareSandbox, PYTHON_LOAD_MS, runInPage, runPythonInPage } from './sandbox-helpers';

/**
 * The snippet sandbox is enforced by the browser: each attack runs as snippet
 * code through the page's own Run, while every HTTP request and WebSocket the
 * browser context makes is recorded before it could leave.
 */
const NOTE = '/introduction/concurrency-vs-parallelism/';
// A page whose TypeScript snippet is not behind a "Python | TypeScript" tab.
const OTHER_NOTE = '/introduction/c10k/';

/** The page's own top document loading one of our scripts or stylesheets (the timeline view after a run). */
function pageAsset(request: Request): boolean {
  try {
    const frame = request.frame();
    return (
      frame === frame.page().mainFrame() &&
      ['script', 'stylesheet'].includes(request.resourceType()) &&
      new URL(request.url()).pathname.startsWith('/_astro/')
    );
  } catch {
    return false; // A request with no frame (a worker's) is never the page's own.
  }
}

/**
 * Records every request and WebSocket of the context (request interception, nothing is let through unseen), but for
 * the page's own top document loading our scripts and styles: what snippet code may not do is leave its sandbox.
 */
async function recordNetwork(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.route('**/*', (route) => {
    if (!pageAsset(route.request())) seen.push(`${route.request().method()} ${route.request().url()}`);
    return route.continue();
  });
  await context.routeWebSocket(/.*/, (socket) => {
    seen.push(`WebSocket ${socket.url()}`);
    socket.close();
  });
  return seen;
}

/** Snippet-side helper: runs each probe, prints `name: blocked (…)` or `name: REACHED …`. */
const PROBE = `
const probe = async (name, attempt, ms = 3000) => {
  try {
    const answer = await Promise.race([
      attempt(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), ms)),
    ]);
    console.log(name + ': REACHED ' + String(answer).slice(0, 60));
  } catch (error) {
    console.log(name + ': blocked (' + String(error && error.name) + ')');
  }
};
const inWorker = (source) => new Promise((resolve, reject) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  worker.onmessage = (event) => { worker.terminate(); event.data.startsWith('REACHED') ? resolve(event.data) : reject(new Error(event.data)); };
  worker.onerror = (event) => { event.preventDefault(); worker.terminate(); reject(new Error('worker failed')); };
});
`;

test('snippet code reaches no network: no request, no WebSocket, from the worker or the workers it starts', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const seen = await recordNetwork(context);
  await page.goto(NOTE);
  await prepareSandbox(page);
  seen.length = 0;
  const own = new URL(baseURL!).origin;
  const ws = own.replace(/^http/, 'ws');
  const printed = await runInPage(
    page,
    `${PROBE}
await probe('fetch another origin', () => fetch('https://example.com/'));
await probe('fetch our own origin', () => fetch('${own}/'));
await probe('fetch a relative URL', () => fetch('/sources/'));
await probe('fetch 10.0.0.1', () => fetch('http://10.0.0.1/'));
await probe('fetch no-cors', () => fetch('https://example.com/pixel.gif', { mode: 'no-cors' }));
await probe('XMLHttpRequest', () => { const x = new XMLHttpRequest(); x.open('GET', '${own}/', false); x.send(); return x.status; });
await probe('WebSocket to our origin', () => new Promise((resolve, reject) => { const s = new WebSocket('${ws}/'); s.onopen = resolve; s.onerror = () => reject(new Error('error event')); }));
await probe('WebSocket to another origin', () => new Promise((resolve, reject) => { const s = new WebSocket('wss://example.com/'); s.onopen = resolve; s.onerror = () => reject(new Error('error event')); }));
await probe('EventSource', () => new Promise((resolve, reject) => { const s = new EventSource('${own}/events'); s.onopen = resolve; s.onerror = () => { s.close(); reject(new Error('error event')); }; }));
await probe('navigator.sendBeacon', () => { if (typeof navigator.sendBeacon !== 'function') throw new TypeError('not in a worker'); return navigator.sendBeacon('${own}/beacon', 'x'); });
await probe('remote import()', () => import('https://example.com/module.js'));
await probe('import() from our origin', () => import('${own}/_astro/module.js'));
await probe('importScripts', () => importScripts('https://example.com/script.js'));
await probe('worker from our origin', () => new Promise((resolve, reject) => { const w = new Worker('${own}/worker.js'); w.onerror = () => reject(new Error('error event')); w.onmessage = resolve; }));
await probe('data: worker', () => new Promise((resolve, reject) => { const w = new Worker('data:text/javascript,fetch("https://example.com/data-worker").then(() => postMessage("REACHED"), (e) => postMessage(String(e)))'); w.onerror = (e) => { e.preventDefault(); reject(new Error('refused')); }; w.onmessage = (e) => e.data.startsWith('REACHED') ? resolve(e.data) : reject(new Error(e.data)); }));
await probe('blob: worker fetch', () => inWorker('fetch("https://example.com/blob-worker").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'));
await probe('blob: worker fetch to our origin', () => inWorker('fetch("${own}/").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'));
await probe('blob: worker WebSocket', () => inWorker('const s = new WebSocket("${ws}/"); s.onopen = () => postMessage("REACHED"); s.onerror = () => postMessage("error event");'));
await probe('blob: worker remote import()', () => inWorker('import("https://example.com/m.js").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'));
await probe('worker in a worker fetch', () => inWorker(\`
  const inner = new Worker(URL.createObjectURL(new Blob(['fetch("https://example.com/nested").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'])));
  inner.onmessage = (e) => postMessage(e.data);\`));
`,
  );
  const probes = printed.filter((line) => /: (blocked|REACHED)/.test(line));
  expect(probes, printed.join('\n')).toHaveLength(20);
  expect(probes.filter((line) => !line.includes(': blocked ('))).toEqual([]);
  expect(seen).toEqual([]);
});

test("control: without the frame's policy the same probes do reach the recorder", async ({
  page,
  context,
  baseURL,
}) => {
  const seen = await recordNetwork(context);
  // Serve the frame with its policy stripped: what blocks the probes above is the policy, not the recorder.
  await context.route('**/_astro/snippet-sandbox.*.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
    await route.fulfill({ response, body });
  });
  await page.goto(NOTE);
  await prepareSandbox(page);
  seen.length = 0;
  const own = new URL(baseURL!).origin;
  const printed = await runInPage(
    page,
    `${PROBE}
await probe('fetch our own origin', () => fetch('${own}/robots.txt', { mode: 'no-cors' }));
await probe('blob: worker fetch', () => inWorker('fetch("${own}/robots.txt?nested", { mode: "no-cors" }).then(() => postMessage("REACHED"), (e) => postMessage(e.name))'));`,
  );
  // The requests now leave the worker and the nested worker (the answer itself is of no interest here).
  expect(printed).toHaveLength(2);
  expect(seen).toEqual([`GET ${own}/robots.txt`, `GET ${own}/robots.txt?nested`]);
});

const STORE = `
const results = [];
const attempt = async (name, action) => {
  try { results.push(name + ': ' + (await action())); } catch (error) { results.push(name + ': denied (' + error.name + ')'); }
};
await attempt('IndexedDB', () => new Promise((resolve, reject) => {
  const request = indexedDB.open('snippet-store', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('kv');
  request.onsuccess = () => {
    const tx = request.result.transaction('kv', 'readwrite');
    const store = tx.objectStore('kv');
    const read = store.get('secret');
    read.onsuccess = () => { store.put('from run 1', 'secret'); resolve('found ' + read.result); };
  };
  request.onerror = () => reject(request.error);
}));
await attempt('Cache Storage', async () => { const cache = await caches.open('snippet'); const old = await cache.match('/secret'); await cache.put('/secret', new Response('from run 1')); return 'found ' + (old ? await old.text() : undefined); });
await attempt('OPFS', async () => { const root = await navigator.storage.getDirectory(); const names = []; for await (const name of root.keys()) names.push(name); await root.getFileHandle('secret', { create: true }); return 'found ' + names.join(','); });
await attempt('localStorage', () => { const old = localStorage.getItem('secret'); localStorage.setItem('secret', 'from run 1'); return 'found ' + old; });
await attempt('self.name', () => { const old = self.name; return 'found ' + old; });
console.log(results.join('\\n'));
`;

test('a run finds nothing an earlier run stored, on the same page or another', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(NOTE);
  const first = await runInPage(page, STORE);
  const again = await runInPage(page, STORE);
  await page.goto(OTHER_NOTE);
  const elsewhere = await runInPage(page, STORE);
  const expected = [
    'IndexedDB: denied (SecurityError)',
    'Cache Storage: denied (ReferenceError)',
    'OPFS: denied (TypeError)',
    'localStorage: denied (ReferenceError)',
    'self.name: found snippet',
  ].join('\n');
  // Every storage API is refused outright in the opaque origin, so no run can leave anything behind.
  expect(first).toEqual([expected]);
  expect(again).toEqual([expected]);
  expect(elsewhere).toEqual([expected]);
});

test('a nested worker can neither fetch nor store', async ({ page, context }) => {
  const seen = await recordNetwork(context);
  await page.goto(NOTE);
  await prepareSandbox(page);
  seen.length = 0;
  const printed = await runInPage(
    page,
    `const source = \`
      const report = [String(self.origin)];
      try { indexedDB.open('x'); report.push('IndexedDB open'); } catch (e) { report.push('IndexedDB ' + e.name); }
      report.push('caches ' + typeof caches, 'storage ' + typeof navigator.storage);
      fetch('/').then(() => postMessage(report.concat('fetch REACHED').join(', ')), (e) => postMessage(report.concat('fetch ' + e.name).join(', ')));\`;
    const worker = new Worker(URL.createObjectURL(new Blob([source])));
    console.log(await new Promise((resolve) => (worker.onmessage = (event) => resolve(event.data))));
    worker.terminate();`,
  );
  expect(printed).toEqual(['null, IndexedDB SecurityError, caches undefined, storage undefined, fetch TypeError']);
  expect(seen).toEqual([]);
});

test('the sandbox frame is an opaque-origin frame with its own strict policy', async ({ page, request }) => {
  await page.goto(NOTE);
  await prepareSandbox(page);
  const frame = page.locator('iframe[title="Snippet sandbox"]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const html = await (await request.get((await frame.getAttribute('src'))!)).text();
  const policy = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1];
  expect(policy).toMatch(
    /^default-src 'none'; script-src 'sha256-[\w+/=]+' 'unsafe-eval'; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'$/,
  );
  // The code itself runs with an opaque origin, in a worker from a blob: URL.
  expect(await runInPage(page, 'console.log(self.origin, location.protocol)')).toEqual(['null blob:']);
});

test('the page ignores frame messages from any other window', async ({ page }) => {
  await page.goto(NOTE);
  await prepareSandbox(page);
  // A forged failure from the page itself (not the frame's window) must not end a run.
  const printed = await runInPage(
    page,
    "await new Promise((resolve) => setTimeout(resolve, 300)); console.log('still running');",
  ).then(async (lines) => lines);
  expect(printed).toEqual(['still running']);
  const box = page.locator('.snippet').first();
  await box.evaluate((element: HTMLElement) => {
    element.dataset.snippetJs = "await new Promise((resolve) => setTimeout(resolve, 500)); console.log('not fooled');";
    delete element.dataset.runResult;
  });
  await box.getByRole('button', { name: 'Run', exact: true }).click();
  await page.evaluate(() => {
    for (let id = 0; id < 50; id++) window.postMessage({ type: 'failure', id, message: 'forged' }, '*');
  });
  await expect(box).toHaveAttribute('data-run-result', 'finished', { timeout: 15_000 });
  await expect(box.locator('.snippet-text')).toHaveText(['not fooled']);
});

/**
 * Python: the same sandbox, enforced by the browser for CPython's worker (its
 * own opaque-origin frame; the page reads Pyodide's files and hands them over,
 * so the frame's policy allows no request at all). Each attack goes through
 * `js`, `pyodide.ffi` or Pyodide's own helpers; none may leave or persist.
 */
const PYTHON_NOTE = '/introduction/what-is-asyncio/';

/** Python-side helper: `probe(name, make)` awaits `make()` (a coroutine, JS promise or value) and prints the outcome. */
const PY_PROBE = `
import asyncio, js
from pyodide.ffi import create_proxy, to_js

async def probe(name, make):
    try:
        async def attempt():
            answer = make()
            return (await answer) if hasattr(answer, "__await__") else answer
        answer = await asyncio.wait_for(attempt(), 3)
        print(f"{name}: REACHED {str(answer)[:60]}")
    except BaseException as error:
        print(f"{name}: blocked ({type(error).__name__})")

def event(target, ok="onopen", bad="onerror"):
    future = asyncio.get_running_loop().create_future()
    def settle(kind):
        def handler(event):
            if not future.done():
                future.set_result("open") if kind == ok else future.set_exception(ConnectionError(kind))
        return create_proxy(handler)
    setattr(target, ok, settle(ok))
    setattr(target, bad, settle(bad))
    return future

def in_worker(source, report=False):
    blob = js.Blob.new(to_js([source]), to_js({"type": "text/javascript"}, dict_converter=js.Object.fromEntries))
    worker = js.Worker.new(js.URL.createObjectURL(blob))
    future = asyncio.get_running_loop().create_future()
    def on_message(event):
        worker.terminate()
        if not future.done():
            if report or str(event.data).startswith("REACHED"):
                future.set_result(event.data)
            else:
                future.set_exception(ConnectionError(event.data))
    def on_error(event):
        event.preventDefault()
        worker.terminate()
        if not future.done():
            future.set_exception(ConnectionError("worker failed"))
    worker.onmessage = create_proxy(on_message)
    worker.onerror = create_proxy(on_error)
    return future
`;

async function warmPython(page: import('@playwright/test').Page): Promise<void> {
  expect(await runPythonInPage(page, 'print("warm")')).toEqual(['warm']);
}

// CPython downloads once per page for every check of the Python frame (each run then gets a fresh interpreter from
// the bytes the page kept): the download and first load are the slow part of these tests.
test('Python runs in an opaque-origin frame whose policy allows no request: nothing leaves from js, pyodide.http, loadPackage, WebSocket or workers, and a worker it starts can neither fetch nor store', async ({
  page,
  context,
  baseURL,
  request,
}) => {
  test.setTimeout(PYTHON_LOAD_MS + 180_000);
  const seen = await recordNetwork(context);
  await page.goto(PYTHON_NOTE);
  await warmPython(page);
  // Loading CPython was the page reading Pyodide's files from our own origin; from here on nothing may be asked.
  const pyodideFiles = seen.filter((line) => line.includes('/pyodide/'));
  expect(pyodideFiles).toHaveLength(5);
  const lockFile = pyodideFiles.find((line) => line.endsWith('/pyodide-lock.json'))!.replace(/^GET /, '');
  seen.length = 0;
  const own = new URL(baseURL!).origin;
  const ws = own.replace(/^http/, 'ws');
  const printed = await runPythonInPage(
    page,
    `${PY_PROBE}
async def main():
    await probe("js.fetch another origin", lambda: js.fetch("https://example.com/"))
    await probe("js.fetch our origin", lambda: js.fetch("${own}/sources/"))
    await probe("js.fetch our origin, Pyodide's own folder", lambda: js.fetch("${lockFile}"))
    await probe("js.fetch no-cors", lambda: js.fetch("https://example.com/pixel.gif", to_js({"mode": "no-cors"}, dict_converter=js.Object.fromEntries)))
    from pyodide.http import pyfetch, open_url
    await probe("pyfetch another origin", lambda: pyfetch("https://example.com/"))
    await probe("pyfetch our origin", lambda: pyfetch("${own}/"))
    await probe("open_url", lambda: open_url("${own}/robots.txt").read())
    def xhr():
        request = js.XMLHttpRequest.new()
        request.open("GET", "${own}/", False)
        request.send()
        return request.status
    await probe("js.XMLHttpRequest", xhr)
    await probe("js.WebSocket our origin", lambda: event(js.WebSocket.new("${ws}/")))
    await probe("js.WebSocket another origin", lambda: event(js.WebSocket.new("wss://example.com/")))
    await probe("js.EventSource", lambda: event(js.EventSource.new("${own}/events")))
    await probe("js.importScripts", lambda: js.importScripts("https://example.com/script.js"))
    import pyodide_js
    async def load_package():
        await pyodide_js.loadPackage("micropip")
        import micropip
        return micropip
    await probe("pyodide_js.loadPackage", load_package)
    await probe("micropip", lambda: __import__("micropip"))
    from pyodide.code import run_js
    await probe("run_js remote import()", lambda: run_js("import('https://example.com/m.js')"))
    await probe("js.Function", lambda: js.Function.new("return fetch('https://example.com/')")())
    await probe("js.Worker from our origin", lambda: event(js.Worker.new("${own}/worker.js"), "onmessage"))
    await probe("js.Worker from data:", lambda: event(js.Worker.new("data:text/javascript,postMessage(1)"), "onmessage"))
    await probe("js.Worker (blob:) fetch", lambda: in_worker('fetch("https://example.com/nested").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'))
    await probe("js.Worker (blob:) fetch our origin", lambda: in_worker('fetch("${own}/").then(() => postMessage("REACHED"), (e) => postMessage(e.name))'))
    await probe("js.Worker (blob:) WebSocket", lambda: in_worker('const s = new WebSocket("${ws}/"); s.onopen = () => postMessage("REACHED"); s.onerror = () => postMessage("error event");'))

asyncio.run(main())
`,
  );
  const probes = printed.filter((line) => /: (blocked|REACHED)/.test(line));
  expect(probes, printed.join('\n')).toHaveLength(21);
  expect(probes.filter((line) => !line.includes(': blocked ('))).toEqual([]);
  expect(seen).toEqual([]);

  // The frame: sandboxed to an opaque origin, under a policy that allows no request at all.
  const frame = page.locator('iframe[title="Python sandbox"]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const html = await (await request.get((await frame.getAttribute('src'))!)).text();
  const policy = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1];
  expect(policy).toMatch(
    /^default-src 'none'; script-src 'sha256-[\w+/=]+' blob: 'wasm-unsafe-eval'; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'$/,
  );
  expect(await runPythonInPage(page, 'import js\nprint(js.self.origin, js.location.protocol)')).toEqual(['null blob:']);

  // A worker started from Python inherits both: no storage, no request.
  seen.length = 0;
  const fromWorker = await runPythonInPage(
    page,
    `${PY_PROBE}
async def main():
    print(await in_worker("""
      const report = [String(self.origin)];
      try { indexedDB.open('x'); report.push('IndexedDB open'); } catch (e) { report.push('IndexedDB ' + e.name); }
      report.push('caches ' + typeof caches, 'storage ' + typeof navigator.storage);
      fetch('/').then(() => postMessage(report.concat('fetch REACHED').join(', ')), (e) => postMessage(report.concat('fetch ' + e.name).join(', ')));""", report=True))
asyncio.run(main())`,
  );
  expect(fromWorker).toEqual(['null, IndexedDB SecurityError, caches undefined, storage undefined, fetch TypeError']);
  expect(seen).toEqual([]);
});

const PY_STORE = `
import asyncio, js
from pyodide.ffi import create_proxy

async def attempt(name, action):
    try:
        print(f"{name}: {await action()}")
    except BaseException as error:
        print(f"{name}: denied ({type(error).__name__})")

async def indexed_db():
    request = js.indexedDB.open("snippet-store", 1)
    future = asyncio.get_running_loop().create_future()
    def upgrade(event):
        request.result.createObjectStore("kv")
    def success(event):
        store = request.result.transaction("kv", "readwrite").objectStore("kv")
        read = store.get("secret")
        def found(event):
            store.put("from run 1", "secret")
            future.set_result(f"found {read.result}")
        read.onsuccess = create_proxy(found)
    request.onupgradeneeded = create_proxy(upgrade)
    request.onsuccess = create_proxy(success)
    return await future

async def cache_storage():
    cache = await js.caches.open("snippet")
    old = await cache.match("/secret")
    await cache.put("/secret", js.Response.new("from run 1"))
    return f"found {old}"

async def opfs():
    root = await js.navigator.storage.getDirectory()
    await root.getFileHandle("secret", create=True)
    return "stored"

async def local_storage():
    old = js.localStorage.getItem("secret")
    js.localStorage.setItem("secret", "from run 1")
    return f"found {old}"

async def files():
    import os
    old = os.path.exists("/home/pyodide/secret")
    open("/home/pyodide/secret", "w").write("from run 1")
    return f"found {old}"

async def main():
    print("origin:", js.self.origin)
    await attempt("IndexedDB", indexed_db)
    await attempt("Cache Storage", cache_storage)
    await attempt("OPFS", opfs)
    await attempt("localStorage", local_storage)
    await attempt("files", files)

asyncio.run(main())
`;

test('a Python run finds nothing an earlier run stored, on the same page or another', async ({ page }) => {
  test.setTimeout(2 * PYTHON_LOAD_MS);
  await page.goto(PYTHON_NOTE);
  const first = await runPythonInPage(page, PY_STORE);
  const again = await runPythonInPage(page, PY_STORE);
  await page.goto('/introduction/concurrency-vs-parallelism/');
  const elsewhere = await runPythonInPage(page, PY_STORE);
  const expected = [
    'origin: null',
    'IndexedDB: denied (JsException)',
    'Cache Storage: denied (AttributeError)',
    'OPFS: denied (AttributeError)',
    'localStorage: denied (AttributeError)',
    'files: found False',
  ];
  // The opaque origin refuses every storage API; CPython's own file system is reset for each run.
  expect(first).toEqual(expected);
  expect(again).toEqual(expected);
  expect(elsewhere).toEqual(expected);
});
