/**
 * What `import js` sees in Python, in the page and in the doctests alike:
 * enough for asyncio's event loop (timers) and for converting values, nothing
 * that leaves the worker — no `fetch`, `XMLHttpRequest`, `WebSocket`, storage,
 * `Worker` or `eval`. So `pyodide.http.pyfetch`, `open_url` and
 * `js.fetch` fail with an ImportError or AttributeError.
 */
export const JS_GLOBALS = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  console,
  performance,
  Object,
  Array,
  Map,
  Promise,
  Date,
  Math,
  JSON,
  Error,
  Uint8Array,
  WeakRef,
};
