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

type Period = [from: number, to: number];
const length = ([from, to]: Period) => to - from;
const longest = (periods: Period[]) =>
  periods.reduce((best, period) => (length(period) > length(best) ? period : best));

/** A run's timeline, checked for what holds of every recording: one thread, so no two running periods overlap. */
async function timelineOf(code: string) {
  const result = await runPythonInNode(code);
  const timeline = result.timeline;
  if (!timeline) throw new Error('the run posted no timeline');
  const running = timeline.tasks.flatMap((task) => task.running).sort((a, b) => a[0] - b[0]);
  for (let n = 1; n < running.length; n++) expect(running[n]![0]).toBeGreaterThanOrEqual(running[n - 1]![1]);
  const task = (name: string) => {
    const found = timeline.tasks.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no task "${name}" in ${timeline.tasks.map((other) => other.name).join(', ')}`);
    return found;
  };
  return { ...result, timeline, task };
}

describe('the timeline recorder', () => {
  test('sequential awaits run one at a time; gather shows three overlapping waits', async () => {
    // The notes' "Sequential awaits vs asyncio.gather" (what-is-asyncio.mdx), with 0.1 s waits.
    const { timeline, task, lines } = await timelineOf(`import asyncio

async def wait(label: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return label

async def show(label: str) -> None:
    print(await wait(label, 0.1))

async def main() -> None:
    print("one after another:")
    for label in ["a", "b", "c"]:
        print(await wait(label, 0.1))

    print("all at once:")
    await asyncio.gather(*(show(label) for label in ["a", "b", "c"]))

asyncio.run(main())
`);
    expect(timeline.tasks.map(({ name, kind }) => `${kind} ${name}`)).toEqual([
      'main main',
      'task show #1',
      'task show #2',
      'task show #3',
    ]);
    expect(timeline.dropped).toBe(0);
    const main = task('main');
    const shows = [task('show #1'), task('show #2'), task('show #3')];
    // One after another: main alone for three waits before any other task exists.
    expect(Math.min(...shows.map((show) => show.created)) - main.created).toBeGreaterThanOrEqual(290);
    // All at once: the three waits overlap almost wholly, and waiting is most of each life.
    const together = Math.min(...shows.map((show) => show.ended!)) - Math.max(...shows.map((show) => show.created));
    expect(together).toBeGreaterThanOrEqual(90);
    for (const show of shows) expect(show.running.reduce((sum, period) => sum + length(period), 0)).toBeLessThan(50);
    expect(main.ended).toBeGreaterThanOrEqual(Math.max(...shows.map((show) => show.ended!)));
    // The same clock as the lines: "all at once:" is printed inside one of main's running periods.
    const printed = lines.find((line) => line.text === 'all at once:')!.ms;
    expect(main.running.some(([from, to]) => from - 0.01 <= printed && printed <= to + 0.01)).toBe(true);
  });

  test('a busy loop: main runs 300 ms while the overdue timer task is ready but blocked', async () => {
    // The notes' busy loop (concurrency-vs-parallelism.mdx), as written.
    const { task } = await timelineOf(`import asyncio
import time

def busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

async def timer(message: str, delay: float) -> None:
    await asyncio.sleep(delay)
    print(message)

async def main() -> None:
    first = asyncio.create_task(timer("first timer (due after 10 ms)", 0.01))
    await asyncio.sleep(0)
    busy(0.3)
    print("300 ms of work without yielding")
    await asyncio.sleep(0.01)

    second = asyncio.create_task(timer("second timer (due at once)", 0))
    for chunk in range(1, 4):
        busy(0.1)
        print(f"chunk {chunk} of 100 ms")
        await asyncio.sleep(0.01)
    await asyncio.gather(first, second)

asyncio.run(main())
`);
    const busy = longest(task('main').running);
    expect(length(busy)).toBeGreaterThanOrEqual(300);
    // Due 10 ms in, the first timer is ready from then until main lets go.
    const blocked = longest(task('timer #1').ready);
    expect(length(blocked)).toBeGreaterThanOrEqual(250);
    expect(blocked[0]).toBeGreaterThanOrEqual(busy[0]);
    expect(blocked[1]).toBeGreaterThanOrEqual(busy[1]);
    expect(length(longest(task('timer #2').ready))).toBeGreaterThanOrEqual(90);
  });

  test("a task's own name wins; Pyodide's time.sleep adds no task of its own", async () => {
    const { timeline } = await timelineOf(`import asyncio, time

async def work():
    time.sleep(0.02)

async def main():
    await asyncio.create_task(work(), name="worker")

asyncio.run(main())
`);
    expect(timeline.tasks.map((task) => task.name)).toEqual(['main', 'worker']);
  });

  test('the recording is capped at 40 tasks and 2,000 periods, and says how much it left out', async () => {
    const many = await timelineOf(`import asyncio

async def nap():
    await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(nap() for _ in range(45)))

asyncio.run(main())
`);
    expect(many.timeline.tasks).toHaveLength(40);
    expect(many.timeline.dropped).toBe(6);
    const long = await timelineOf(`import asyncio

async def main():
    for _ in range(2100):
        await asyncio.sleep(0)

asyncio.run(main())
`);
    const [main] = long.timeline.tasks;
    expect(main!.running.length + main!.ready.length).toBe(2000);
    expect(long.timeline.droppedPeriods).toBeGreaterThanOrEqual(100);
  });
});

describe('tracebacks, limits and the closed network', () => {
  test('an uncaught exception is one block of the snippet frames only, with one time stamp', async () => {
    const result = await runPythonInNode(`import asyncio

async def check(n):
    await asyncio.sleep(0)
    {}["key"]

async def main():
    await asyncio.gather(check(1), check(2))

asyncio.run(main())
`);
    expect(result.reason).toBe('failed');
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]!.level).toBe('error');
    expect(result.lines[0]!.text.split('\n')).toEqual([
      'Traceback (most recent call last):',
      '  File "<snippet>", line 10, in <module>',
      '    asyncio.run(main())',
      '    ~~~~~~~~~~~^^^^^^^^',
      '  File "<snippet>", line 8, in main',
      '    await asyncio.gather(check(1), check(2))',
      '  File "<snippet>", line 5, in check',
      '    {}["key"]',
      '    ~~^^^^^^^',
      "KeyError: 'key'",
    ]);
  });

  test('an exception no await received is one block after the lines printed before it', async () => {
    const result = await runPythonInNode(`import asyncio

async def fail():
    raise ValueError("lost")

async def main():
    print("start", end="")
    asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("end")

asyncio.run(main())
`);
    expect(result.reason).toBe('finished');
    expect(result.lines.map((line) => line.text)).toEqual([
      'start',
      [
        'Task exception was never retrieved',
        'Traceback (most recent call last):',
        '  File "<snippet>", line 4, in fail',
        '    raise ValueError("lost")',
        'ValueError: lost',
      ].join('\n'),
      'end',
    ]);
  });

  test('a syntax error points at the snippet line', async () => {
    expect(await texts('x = 1\nprint(x +)\n')).toEqual([
      ['  File "<snippet>", line 2', '    print(x +)', '             ^', 'SyntaxError: invalid syntax'].join('\n'),
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

  test('input() says in one line that the page has no keyboard, after its prompt', async () => {
    const result = await runPythonInNode('print("Hello")\nname = input("Your name? ")\nprint(name)\n');
    expect(result.reason).toBe('failed');
    expect(result.lines.map(({ level, text }) => `${level}: ${text}`)).toEqual([
      'log: Hello',
      'log: Your name? ',
      'error: input() has no keyboard here: the example cannot read input in the page; put the value in the code.',
    ]);
  });

  test('input() is still end-of-file to a snippet that handles it', async () => {
    expect(await texts('try:\n    input()\nexcept EOFError:\n    print("no input")\n')).toEqual(['no input']);
  });

  test('asyncio.to_thread fails in one line: threads do not run in the page', async () => {
    const result = await runPythonInNode(
      'import asyncio\n\nasync def main():\n    await asyncio.to_thread(print, "hi")\n\nasyncio.run(main())\n',
    );
    expect(result.reason).toBe('failed');
    expect(result.lines.map((line) => line.text)).toEqual([
      "Threads do not run in the page's Python: asyncio.to_thread() and run_in_executor() cannot start one; run this example in a local Python to see a thread.",
    ]);
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
