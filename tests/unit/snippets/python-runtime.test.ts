/**
 * The Python runner under Node 24's Pyodide (the same harness and `js`
 * globals as the page's worker): asyncio as in CPython, the doctest harness's
 * reports and limits. Each page run's fresh interpreter (nothing of a run
 * reaches the next) is tested where it lives, in Chromium: tests/e2e/python.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectDoctests, judgeDoctest, type Doctest } from '../../../src/features/snippets/doctest';
import { runPythonInNode, stopPython, warmPython } from './node/python';
import { timeLimitMessage } from '../../../src/features/snippets/runner/host';
import { OUTPUT_LIMITS, truncationNote } from '../../../src/features/snippets/runner/protocol';

// Loading CPython takes seconds on a quiet machine and far longer on a busy one.
beforeAll(() => warmPython(), 240_000);
afterAll(() => stopPython());

const texts = async (code: string, limitMs?: number) =>
  (await runPythonInNode(code, limitMs)).lines.map((line) => line.text);

/** The doctest judgement of a Python snippet run here (the real doctests run in Chromium: tests/e2e/doctests.spec.ts). */
const judge = async (doctest: Doctest, limitMs?: number) => {
  const { reason, lines } = await runPythonInNode(doctest.source, limitMs);
  return judgeDoctest(doctest, { reason, texts: lines.map((line) => line.text) });
};

const broken = collectDoctests('tests/fixtures/snippets-python');
const byTitle = (title: string) => {
  const doctest = broken.find((candidate) => candidate.title === title);
  if (!doctest) throw new Error(`fixture snippet "${title}" is missing`);
  return doctest;
};

describe('asyncio as in CPython', () => {
  test('asyncio.run, gather, TaskGroup, wait_for, Queue, cancellation and perf_counter', async () => {
    const lines = await texts(`import asyncio, time

async def work(n):
    await asyncio.sleep(0.2)
    return n

async def main():
    start = time.perf_counter()
    print(await asyncio.gather(work(1), work(2), work(3)))
    elapsed = time.perf_counter() - start
    # Three 0.2 s sleeps at once: about 0.2 s, far from the 0.6 s of one after another.
    print("gather concurrent", 0.19 <= elapsed < 0.5)
    async with asyncio.TaskGroup() as group:
        task = group.create_task(work(4))
    print("task group", task.result())
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.05)
    except TimeoutError:
        print("wait_for timed out")
    queue = asyncio.Queue(maxsize=1)
    async def produce():
        for n in range(3):
            await queue.put(n)
    producer = asyncio.create_task(produce())
    print("queue", [await queue.get() for _ in range(3)])
    await producer
    sleeper = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    sleeper.cancel()
    try:
        await sleeper
    except asyncio.CancelledError:
        print("cancelled", sleeper.cancelled())

asyncio.run(main())
`);
    expect(lines).toEqual([
      '[1, 2, 3]',
      'gather concurrent True',
      'task group 4',
      'wait_for timed out',
      'queue [0, 1, 2]',
      'cancelled True',
    ]);
  });

  test('each line carries its own milliseconds (stdout is line-buffered)', async () => {
    const { lines } = await runPythonInNode('import time\nprint("a")\ntime.sleep(0.3)\nprint("b")\n');
    expect(lines[1]!.ms - lines[0]!.ms).toBeGreaterThanOrEqual(290);
  });
});

describe('tracebacks, limits and the closed network', () => {
  test('an uncaught exception prints a traceback with the snippet line numbers and no harness frames', async () => {
    const result = await runPythonInNode('import asyncio\n\nasync def main():\n    {}["key"]\n\nasyncio.run(main())\n');
    expect(result.reason).toBe('failed');
    const text = result.lines.map((line) => line.text);
    expect(text[0]).toBe('Traceback (most recent call last):');
    expect(text).toContain('  File "<snippet>", line 6, in <module>');
    expect(text).toContain('  File "<snippet>", line 4, in main');
    expect(text).toContain('    {}["key"]');
    expect(text.at(-1)).toBe("KeyError: 'key'");
    expect(text.join('\n')).not.toMatch(/_snippet_run|pyodide|webloop/);
    expect(result.lines.every((line) => line.level === 'error')).toBe(true);
  });

  test('a syntax error points at the snippet line', async () => {
    expect(await texts('x = 1\nprint(x +)\n')).toEqual([
      '  File "<snippet>", line 2',
      '    print(x +)',
      '             ^',
      'SyntaxError: invalid syntax',
    ]);
  });

  test('sys.exit(0) finishes, sys.exit("message") fails with the message', async () => {
    expect((await runPythonInNode('import sys\nprint("bye")\nsys.exit(0)\nprint("never")')).reason).toBe('finished');
    const failed = await runPythonInNode('import sys\nsys.exit("bad input")');
    expect(failed.reason).toBe('failed');
    expect(failed.lines.map((line) => line.text)).toEqual(['bad input']);
  });

  test('output is capped at the same line limit as TypeScript', async () => {
    const lines = await texts(`for n in range(${OUTPUT_LIMITS.lines + 500}):\n    print(n)\n`);
    expect(lines).toHaveLength(OUTPUT_LIMITS.lines + 1);
    expect(lines.at(-1)).toBe(truncationNote());
  });

  test('input() gets end-of-file instead of waiting for a reader who cannot type', async () => {
    expect(await texts('try:\n    input()\nexcept EOFError:\n    print("no input")\n')).toEqual(['no input']);
  });

  test('the network is closed: js.fetch, pyfetch, open_url and micropip all fail', async () => {
    const lines = await texts(`import asyncio, js
print(hasattr(js, "fetch"), hasattr(js, "XMLHttpRequest"), hasattr(js, "WebSocket"))
for attempt in ["from pyodide.http import pyfetch; asyncio.run(pyfetch('https://example.com/'))",
                "from pyodide.http import open_url; open_url('https://example.com/')",
                "import micropip"]:
    try:
        exec(attempt)
        print("reached the network")
    except Exception:
        print("failed")
`);
    expect(lines).toEqual(['False False False', 'failed', 'failed', 'failed']);
  });
});

describe('the doctest harness on Python', () => {
  test('a wrong expected output names file:line and shows a diff', async () => {
    const problem = await judge(byTitle('wrong output'));
    expect(problem).toContain('tests/fixtures/snippets-python/broken.mdx:3: snippet "wrong output" failed');
    expect(problem).toContain('- actual\n+ expected\n  same');
  });

  test('an exception is reported with its traceback in the diff', async () => {
    const problem = await judge(byTitle('raises'));
    expect(problem).toContain(
      'tests/fixtures/snippets-python/broken.mdx:13: snippet "raises" failed in Chromium: it raised an uncaught exception.',
    );
    expect(problem).toContain('+   File "<snippet>", line 2, in divide');
    expect(problem).toContain('+ ZeroDivisionError: division by zero');
  });

  test('a runaway loop hits the time limit and the next snippet gets a fresh interpreter', async () => {
    const problem = await judge(byTitle('runaway'), 2000);
    expect(problem).toContain('it hit the time limit');
    expect(problem).toContain(`+ ${timeLimitMessage(2000)}`);
    expect(await texts('print("alive")')).toEqual(['alive']);
  }, 240_000);
});
