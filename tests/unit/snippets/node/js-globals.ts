/**
 * What `import js` sees in Python under Node (python-worker.ts, for the
 * runtime's own unit tests): enough for asyncio's event loop (timers) and for
 * converting values. This is no sandbox — any JavaScript object's constructor
 * reaches `Function` and with it Node's `process` — so only project-written
 * test code runs there; notes' and imported notes' code runs in Chromium,
 * behind the sandbox frame (tests/e2e/doctests.spec.ts, scripts/import/python-sandbox.ts).
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
