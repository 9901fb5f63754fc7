/** Bytes the Python worker fetches while loading (wasm, stdlib zip, lock file), set by assets-integration.ts. */
declare const __PYODIDE_FETCH_BYTES__: number;
