import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, expect, it } from 'vitest';
import { servedPyodideFiles } from '../../../src/features/snippets/python/assets-integration';

const served = servedPyodideFiles().get('python_stdlib.zip')!;
let pyodide: PyodideAPI;

beforeAll(async () => {
  pyodide = await loadPyodide({ stdLibURL: served });
}, 120_000);

it('the served standard library is made once, named by what it was made from', () => {
  expect(served).toMatch(/[/\\][0-9a-f]{16}-python_stdlib\.zip$/);
  expect(readFileSync(served).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
});

it('what a run imports at startup comes as bytecode, the rest as source', () => {
  const files = pyodide.runPython(
    'import asyncio.tasks, traceback, linecache, csv; [m.__file__ for m in (asyncio.tasks, traceback, linecache, csv)]',
  ) as { toJs(): string[] };
  expect(files.toJs()).toEqual([
    '/lib/python314.zip/asyncio/tasks.pyc',
    '/lib/python314.zip/traceback.pyc',
    '/lib/python314.zip/linecache.pyc',
    // Not imported by a run's start: compiled from its source when a snippet imports it, as before.
    '/lib/python314.zip/csv.py',
  ]);
});

it('a traceback through precompiled modules still shows their source lines', () => {
  const report = pyodide.runPython(`
import asyncio, traceback
try:
    asyncio.ensure_future(42)
except TypeError as error:
    report = "".join(traceback.format_exception(error))
report
`) as string;
  expect(report).toContain('File "/lib/python314.zip/asyncio/tasks.py"');
  expect(report).toContain("raise TypeError('An asyncio.Future, a coroutine or an awaitable '");
});
