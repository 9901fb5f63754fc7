/**
 * Pyodide's standard library ships as Python source only, so every interpreter
 * the page starts compiles each module it imports, and the modules CPython
 * and Pyodide import at startup (with asyncio and traceback, which nearly
 * every snippet and the run harness need) are most of a start's time
 * (bench/RESULTS.md). This build step adds their bytecode beside their source
 * in the zip the site serves: zipimport prefers a module's `.pyc`, and keeps
 * reading the `.py` for traceback lines. The bytecode is made by the very
 * CPython the page runs (Pyodide in Node), as unchecked hash-based `.pyc`
 * files (PEP 552: no timestamps, so the zip is the same on every build).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Run in a child Node process, so the build's own stays synchronous and small: loads Pyodide, imports what a run
 * imports before the snippet's own code, and writes the zip with those modules' bytecode added.
 */
const SCRIPT = `
const [pyodideUrl, stdlib, out] = process.argv.slice(1);
const { loadPyodide } = await import(pyodideUrl);
const { readFileSync, writeFileSync } = await import('node:fs');
const pyodide = await loadPyodide({ indexURL: new URL('.', pyodideUrl).pathname });
pyodide.FS.writeFile('/tmp/source.zip', readFileSync(stdlib));
pyodide.runPython(String.raw\`
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
import asyncio, linecache, traceback

prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
startup = {
    module.__spec__.origin[len(prefix):]
    for module in list(sys.modules.values())
    if getattr(module, "__spec__", None) and (module.__spec__.origin or "").startswith(prefix)
}
with zipfile.ZipFile("/tmp/source.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in source.infolist():
        data = source.read(info.filename)
        if info.filename in startup:
            code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            pyc = zipfile.ZipInfo(info.filename + "c", info.date_time)
            pyc.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(pyc, bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False)), compresslevel=9)
        copy = zipfile.ZipInfo(info.filename, info.date_time)
        copy.compress_type = info.compress_type
        copy.external_attr = info.external_attr
        out.writestr(copy, data, compresslevel=9)
\`);
writeFileSync(out, pyodide.FS.readFile('/tmp/out.zip'));
`;

/** The served standard library: made on first use, then reused by every build while Pyodide's zip is the same. */
export function precompiledStdlib(packageDir: string, cacheDir: string): string {
  const stdlib = join(packageDir, 'python_stdlib.zip');
  const hash = createHash('sha256').update(readFileSync(stdlib)).update(SCRIPT).digest('hex').slice(0, 16);
  const made = join(cacheDir, `${hash}-python_stdlib.zip`);
  if (existsSync(made)) return made;
  mkdirSync(cacheDir, { recursive: true });
  // Written under a name of its own, then renamed: builds running side by side never read a partial file.
  const partial = `${made}.${process.pid}.partial`;
  try {
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT, pathToFileURL(join(packageDir, 'pyodide.mjs')).href, stdlib, partial],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `Precompiling Pyodide's standard library (${stdlib}) failed: ${stderr || String(error)}\nReinstall the pyodide package (npm ci) and build again.`,
      { cause: error },
    );
  }
  renameSync(partial, made);
  return made;
}
