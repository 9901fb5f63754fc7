import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { servedPyodideFiles } from '../../../src/features/snippets/python/assets-integration';

const packageDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const started = process.cwd();
afterEach(() => process.chdir(started));

it("Pyodide's gzipped wasm is cached beside the real package, so a build in a project copy reuses it", () => {
  // A build in a copy of the project (tests/helpers/isolated-project.ts) runs with the copy as its working directory.
  const copy = mkdtempSync(join(tmpdir(), 'asyncio-notes-copy-'));
  try {
    process.chdir(copy);
    const zipped = servedPyodideFiles().get('pyodide.asm.wasm.gz');
    expect(zipped).toBeDefined();
    expect(isAbsolute(zipped!)).toBe(true);
    expect(zipped!.startsWith(join(packageDir, '..', '.cache', 'asyncio-notes'))).toBe(true);
    expect(gunzipSync(readFileSync(zipped!)).equals(readFileSync(join(packageDir, 'pyodide.asm.wasm')))).toBe(true);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

it('the cached file is named by the content it was made from', () => {
  const zipped = servedPyodideFiles().get('pyodide.asm.wasm.gz')!;
  expect(zipped).toMatch(/[/\\][0-9a-f]{16}-pyodide\.asm\.wasm\.gz$/);
});
