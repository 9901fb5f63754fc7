/**
 * What `import js` sees in Python under Node (node-worker.ts: the runtime's
 * unit tests and the importer): enough for asyncio's event loop (timers) and
 * for converting values, and not Node's `process` or `require`. In the page
 * `js` is the worker's own global scope; the sandbox frame's policy and opaque
 * origin, not this list, keep snippet code from the network and storage there.
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
