/**
 * Which of the npm package `pyodide`'s files the site serves, and where: a
 * versioned folder, so the files can be cached for good and a new Pyodide
 * never mixes with an old one. Shared by the build step (assets-integration.ts)
 * and the page (controller → worker).
 */
import { version } from 'pyodide/package.json';

export const PYODIDE_VERSION: string = version;

/** Everything `loadPyodide()` fetches or imports for the standard library; no packages. */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

export type PyodideFileName = (typeof PYODIDE_FILES)[number];

/**
 * Served gzipped, whatever the host does: the wasm is most of Python's download
 * and compresses well (bench/RESULTS.md), and static hosts do not all compress
 * `application/wasm`. The page unzips it as it streams in, so compilation still
 * overlaps the download.
 */
export const GZIPPED: readonly PyodideFileName[] = ['pyodide.asm.wasm'];

/** The name a file has on the site. */
export const servedName = (name: PyodideFileName): string => (GZIPPED.includes(name) ? `${name}.gz` : name);

/** The folder under the site's base, e.g. `pyodide/314.0.7/`. */
export const PYODIDE_DIR = `pyodide/${PYODIDE_VERSION}/`;
