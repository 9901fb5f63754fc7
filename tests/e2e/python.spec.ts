/**
 * Python snippets on the built site, in Chromium: CPython (Pyodide) loads
 * from our own origin only when a reader reaches for a Python snippet, shows
 * its download progress, starts every run in a fresh interpreter (started ahead, from the bytes the page
 * kept), runs one run at a time, restarts after Stop, keeps the sandbox
 * closed, and pairs with TypeScript in remembered tabs.
 */
import type { Locator, Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';

const NOTE = '/introduction/what-is-asyncio/';
const PAIRS = '/introduction/concurrency-vs-parallelism/';
// Loading CPython on this busy machine has taken over a minute; the page shows progress meanwhile.
const LOAD_TIMEOUT = 180_000;
// A later run's fresh interpreter loads from the bytes the page kept, started when the run before it ended: a Run
// clicked at once waits for it, which has taken several seconds on this busy machine.
const NEXT_RUN_TIMEOUT = 60_000;

const snippet = (page: Page, title: string) => page.getByRole('group', { name: `Runnable example: ${title}` });
const button = (box: Locator, name: string) => box.getByRole('button', { name, exact: true });
const outputTexts = (box: Locator) => box.locator('.snippet-output .snippet-text');

async function editTo(page: Page, box: Locator, code: string): Promise<void> {
  if (await box.locator('.cm-content').count()) await button(box, 'Reset').click();
  await button(box, 'Edit').click();
  const editor = box.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText: CodeMirror would auto-indent typed newlines; Python's indentation is the code.
  await page.keyboard.insertText(code);
}

const pyodideRequest = (request: Request) => request.url().includes('/pyodide/');

/** What a snippet's progress line told a screen reader, from the moment recording began. */
interface Phases {
  /** Each phase its spoken part named, in order ("Downloading", "Compiling", "Starting", "Restarting"). */
  names: string[];
  /** The line's first text that gave the download's size, and its progress bar's `max` then. */
  download?: { text: string; max: string | null };
}

/**
 * Records the phases the progress line of `box` goes through, from every change to it: on a fast machine a phase can
 * come and go between two polls of an `expect`.
 */
async function recordPhases(box: Locator): Promise<() => Promise<Phases>> {
  await box.evaluate((element: HTMLElement) => {
    const phases: Phases = { names: [] };
    (element as HTMLElement & { phases?: Phases }).phases = phases;
    new MutationObserver(() => {
      const status = element.querySelector('.snippet-progress[role="status"]');
      const phase = /^(\w+) Python/.exec(status?.querySelector('.visually-hidden')?.textContent ?? '')?.[1];
      if (phase && phases.names.at(-1) !== phase) phases.names.push(phase);
      const text = status?.textContent ?? '';
      if (!phases.download && / of [\d.]+ MB/.test(text)) {
        phases.download = { text, max: status?.querySelector('progress')?.getAttribute('max') ?? null };
      }
    }).observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  return () => box.evaluate((element: HTMLElement & { phases?: Phases }) => structuredClone(element.phases!));
}

test('a page with Python snippets fetches no Python before the reader reaches for one', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(NOTE);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  // The Python island (its styles and tabs) loads with the page; CPython, its frame, worker and runner chunk do not.
  expect(requested.filter((url) => url.includes('PythonSnippets') || url.includes('/python.'))).toHaveLength(2);
  const python = (url: string) => /\/pyodide\/|\/_astro\/(page|worker|python-sandbox)[.-]/.test(url);
  expect(requested.filter(python)).toEqual([]);
  // Scrolling the whole chapter with the wheel, the mouse resting over the article, passes every snippet under it
  // (Chromium then sends each one pointerenter): that is reading, not reaching for one.
  const box = snippet(page, 'The three names in code');
  const { x, width } = (await box.boundingBox())!;
  const resting = { x: x + width / 2, y: 450 };
  // The pointer comes to rest beside the snippets, not on one: moving onto one would be intent.
  expect(await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('.snippet'), resting)).toBe(true);
  await page.mouse.move(resting.x, resting.y);
  await page.evaluate(() => {
    document.documentElement.dataset.snippetsEntered = '0';
    for (const element of document.querySelectorAll('.snippet'))
      element.addEventListener('pointerenter', () => {
        document.documentElement.dataset.snippetsEntered = String(
          Number(document.documentElement.dataset.snippetsEntered) + 1,
        );
      });
  });
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let scrolled = 0; scrolled < bottom; scrolled += 400) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(1500);
  expect(Number(await page.locator('html').getAttribute('data-snippets-entered'))).toBeGreaterThan(0);
  expect(requested.filter(python)).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
  // Pointing at a Python snippet is intent: the download starts.
  const pyodide = page.waitForRequest(pyodideRequest);
  await box.hover();
  expect((await pyodide).url()).toMatch(/\/pyodide\/\d+\.\d+\.\d+\/pyodide\.mjs$/);
});

test('Python runs in the page: progress, output with ms, tracebacks, later runs, Stop, sandbox', async ({ page }) => {
  test.setTimeout(LOAD_TIMEOUT + 120_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(NOTE);
  const box = snippet(page, 'The three names in code');
  const phases = await recordPhases(box);
  await button(box, 'Run').click();
  const status = box.locator('.snippet-progress[role="status"]');
  await expect(outputTexts(box)).toHaveText(['waiting…', 'done'], { timeout: LOAD_TIMEOUT });
  await expect(status).toHaveCount(0);
  const firstRun = await phases();
  expect(firstRun.download?.text).toMatch(/Downloading Python: [\d.]+ of [\d.]+ MB/);
  // The wasm comes gzipped whatever the host does (3.6 MB instead of 9.6), the standard library with the bytecode
  // of the modules every start imports: about 8.8 MB for all five files.
  const total = Number(/of ([\d.]+) MB/.exec(firstRun.download?.text ?? '')?.[1]);
  expect(total).toBeGreaterThan(5);
  expect(total).toBeLessThan(10);
  expect(firstRun.download?.max).toMatch(/^\d+$/);
  // Download, then compile (unless it was done by the time the last byte came) and start, then output.
  expect(firstRun.names.join(' → ')).toMatch(/^Downloading → (Compiling → )?Starting$/);
  const times = (await box.locator('.snippet-output .snippet-ms').allInnerTexts()).map((t) => Number.parseInt(t, 10));
  expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);

  // Everything came from our own origin, under one versioned folder.
  const pyodideFiles = requests.filter((path) => path.includes('/pyodide/')).map((path) => path.split('/').pop());
  expect(new Set(pyodideFiles)).toEqual(
    new Set(['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm.gz', 'python_stdlib.zip', 'pyodide-lock.json']),
  );

  // Tracebacks: one block with one time stamp, only the snippet's own file and line numbers.
  await editTo(page, box, 'import asyncio\n\nasync def main():\n    raise ValueError("boom")\n\nasyncio.run(main())\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText([/ValueError: boom$/], { timeout: NEXT_RUN_TIMEOUT });
  await expect(box.locator('.snippet-output .snippet-ms')).toHaveCount(1);
  const traceback = await outputTexts(box).innerText();
  expect(traceback).toContain('File "<snippet>", line 6, in <module>');
  expect(traceback).toContain('File "<snippet>", line 4, in main');
  expect(traceback).not.toMatch(/pyodide|_snippet_run|webloop|blob:|asyncio\/|new_error/);
  await expect(box.locator('.snippet-line[data-level="error"]').first()).toBeVisible();

  // input(): its prompt, then one sentence saying why there is no keyboard, in that order.
  await editTo(page, box, 'print("Hello")\nname = input("Your name? ")\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['Hello', 'Your name?', /^input\(\) has no keyboard here: /], {
    timeout: NEXT_RUN_TIMEOUT,
  });

  // Nothing of one run is there for the next (the sandbox itself: tests/e2e/sandbox.spec.ts).
  await editTo(page, box, 'open("/tmp/kept.txt", "w").write("secret")\nsecret = 42\n');
  await button(box, 'Run').click();
  await expect(box).toHaveAttribute('data-run-result', 'finished', { timeout: NEXT_RUN_TIMEOUT });
  await editTo(page, box, 'import os\nprint(os.path.exists("/tmp/kept.txt"), "secret" in globals())\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['False False'], { timeout: NEXT_RUN_TIMEOUT });

  // Stop ends a runaway loop and restarts the interpreter; the next run works (from the bytes the page kept).
  const downloads = requests.filter((path) => path.includes('/pyodide/')).length;
  await editTo(page, box, 'print("spinning")\nwhile True:\n    pass\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box).first()).toHaveText('spinning', { timeout: NEXT_RUN_TIMEOUT });
  await button(box, 'Stop').click();
  await expect(outputTexts(box).last()).toHaveText('Stopped.');
  // Run at once: the next interpreter is still starting, from the bytes the page kept, and the line says so.
  const restartPhases = await recordPhases(box);
  await button(box, 'Run').click();
  await expect(outputTexts(box).first()).toHaveText('spinning', { timeout: NEXT_RUN_TIMEOUT });
  expect((await restartPhases()).names).toEqual(['Restarting']);
  await button(box, 'Stop').click();
  await button(box, 'Reset').click();
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(['waiting…', 'done'], { timeout: LOAD_TIMEOUT });
  expect(requests.filter((path) => path.includes('/pyodide/'))).toHaveLength(downloads);
});

/** Puts `code` in a Python snippet, as Edit would but without the editor, so Run reads it. */
async function setCode(box: Locator, code: string): Promise<void> {
  await box.evaluate((element: HTMLElement, source) => {
    element.querySelector('figure.code pre code')!.textContent = source;
    delete element.dataset.runResult;
  }, code);
}

test('every run starts clean: builtins, files, environment, modules, timers and the harness of a run die with it', async ({
  page,
}) => {
  test.setTimeout(LOAD_TIMEOUT + 120_000);
  await page.goto(NOTE);
  const first = snippet(page, 'The three names in code');
  const second = snippet(page, 'Sequential awaits vs asyncio.gather');
  // What an attacker's run leaves for the next ones: each of these reached later runs of the page once.
  await setCode(
    first,
    [
      'import __main__, asyncio, builtins, js, os, sys, types',
      'builtins.planted = "builtin"',
      'open("/planted.txt", "w").write("outside the scratch folders")',
      'os.environ["PLANTED"] = "environment"',
      'sys.modules["planted"] = types.ModuleType("planted")',
      'js.setTimeout(lambda: print("a JavaScript timer of the first run"), 1500)',
      'asyncio.get_event_loop().call_later(1.5, print, "an asyncio callback of the first run")',
      'def forged(source):',
      '    print("forged output")',
      '    return 0',
      '__main__._snippet_run.__code__ = forged.__code__',
      'print("planted")',
      '',
    ].join('\n'),
  );
  await button(first, 'Run').click();
  await expect(first).toHaveAttribute('data-run-result', 'finished', { timeout: LOAD_TIMEOUT });
  await expect(outputTexts(first)).toHaveText(['planted']);
  await setCode(
    second,
    [
      'import asyncio, builtins, os, sys',
      'print(hasattr(builtins, "planted"), os.path.exists("/planted.txt"), "PLANTED" in os.environ, "planted" in sys.modules)',
      'asyncio.run(asyncio.sleep(2.5))',
      'print("the reader\'s code ran")',
      '',
    ].join('\n'),
  );
  await button(second, 'Run').click();
  await expect(second).toHaveAttribute('data-run-result', 'finished', { timeout: LOAD_TIMEOUT });
  await expect(second.locator('.snippet-output')).not.toHaveAttribute('aria-busy', 'true');
  expect(await outputTexts(second).allTextContents()).toEqual(['False False False False', "the reader's code ran"]);
  // Nor did the first run's timers print under its own, finished output.
  expect(await outputTexts(first).allTextContents()).toEqual(['planted']);
});

test('one run at a time: a slow run, then an endless one, each with its own output, Stop and time limit', async ({
  page,
}) => {
  test.setTimeout(LOAD_TIMEOUT + 120_000);
  // The page's clock, so the test need not sit through B's 10 s limit: the limit's own timer fires, only sooner.
  await page.clock.install();
  await page.goto(NOTE);
  const slow = snippet(page, 'The three names in code');
  const endless = snippet(page, 'Sequential awaits vs asyncio.gather');
  await setCode(
    slow,
    'import asyncio\n\nasync def main():\n    print("A started")\n    await asyncio.sleep(3)\n    print("A ended")\n\nasyncio.run(main())\n',
  );
  await setCode(endless, 'print("B started")\nwhile True:\n    pass\n');
  await button(slow, 'Run').click();
  await expect(outputTexts(slow)).toHaveText(['A started'], { timeout: LOAD_TIMEOUT });
  await button(endless, 'Run').click();
  // Starting B stopped A: A says so, under its own output.
  await expect(slow).toHaveAttribute('data-run-result', 'stopped');
  await expect(outputTexts(slow)).toHaveText(['A started', 'Stopped.']);
  await expect(outputTexts(endless)).toHaveText(['B started'], { timeout: LOAD_TIMEOUT });
  // Past the moment A would have ended: B still runs, with only its own line, and its Stop works.
  await page.waitForTimeout(3500);
  await expect(endless).toHaveAttribute('data-running', '');
  await expect(button(endless, 'Stop')).toBeEnabled();
  await expect(outputTexts(endless)).toHaveText(['B started']);
  // B's own time limit ends B: not before 10 s of the page's time, and once they have passed.
  await page.clock.fastForward(4_000);
  await expect(endless).toHaveAttribute('data-running', '');
  await page.clock.fastForward(6_000);
  await expect(endless).toHaveAttribute('data-run-result', 'timeout');
  await expect(outputTexts(endless).last()).toHaveText(/^Stopped after 10 s/);
  expect(await outputTexts(slow).allTextContents()).toEqual(['A started', 'Stopped.']);
});

test('asyncio.gather runs the three waits at once in the page, as the expected output says', async ({ page }) => {
  test.setTimeout(LOAD_TIMEOUT + 60_000);
  await page.goto(NOTE);
  const box = snippet(page, 'Sequential awaits vs asyncio.gather');
  const expected = (await box.locator('.snippet-expected pre').innerText()).trim().split('\n');
  await button(box, 'Run').click();
  await expect(outputTexts(box)).toHaveText(expected, { timeout: LOAD_TIMEOUT });
  const times = (await box.locator('.snippet-output .snippet-ms').allInnerTexts()).map((t) => Number.parseInt(t, 10));
  // a, b, c one second apart; the three gathered results together, one second after "all at once:".
  expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
  expect(times[7]! - times[5]!).toBeLessThan(200);
  expect(times[5]! - times[4]!).toBeGreaterThanOrEqual(950);
});

test('Python | TypeScript tabs: keyboard, remembered choice, and both visible without JavaScript', async ({
  page,
  browser,
}) => {
  await page.goto(PAIRS);
  const tablists = page.getByRole('tablist', { name: 'Language of the example' });
  await expect(tablists).toHaveCount(2);
  const python = tablists.first().getByRole('tab', { name: 'Python' });
  const typescript = tablists.first().getByRole('tab', { name: 'TypeScript' });
  await expect(python).toHaveAttribute('aria-selected', 'true');
  await expect(snippet(page, 'A busy loop holds up every task until it awaits')).toBeVisible();
  await expect(snippet(page, 'A busy loop holds up every timer until it yields')).toBeHidden();
  await python.focus();
  await page.keyboard.press('ArrowRight');
  await expect(typescript).toBeFocused();
  await expect(typescript).toHaveAttribute('aria-selected', 'true');
  await expect(snippet(page, 'A busy loop holds up every timer until it yields')).toBeVisible();
  // Every pair follows the choice, on this page and the next.
  await expect(tablists.nth(1).getByRole('tab', { name: 'TypeScript' })).toHaveAttribute('aria-selected', 'true');
  await page.goto(NOTE);
  await expect(page.getByRole('tab', { name: 'TypeScript' })).toHaveAttribute('aria-selected', 'true');
  await expect(snippet(page, 'Sequential awaits vs Promise.all')).toBeVisible();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(PAIRS);
  await expect(noScript.getByRole('tab')).toHaveCount(0);
  await expect(snippet(noScript, 'A busy loop holds up every task until it awaits')).toBeVisible();
  await expect(snippet(noScript, 'A busy loop holds up every timer until it yields')).toBeVisible();
  await context.close();
});

test('search finds Python code and ignores snippet output and controls', async ({ page }) => {
  await page.goto(PAIRS);
  const box = snippet(page, 'A busy loop holds up every task until it awaits');
  await expect(box.locator('.snippet-expected')).toHaveAttribute('data-pagefind-ignore', '');
  await expect(box.locator('.snippet-toolbar')).toHaveAttribute('data-pagefind-ignore', '');
  await expect(box.locator('.snippet-output')).toHaveAttribute('data-pagefind-ignore', '');
  // perf_counter appears only in this Python snippet's code.
  const urls = await page.evaluate(async () => {
    const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as {
      search(term: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
    };
    const found = await pagefind.search('perf_counter');
    return Promise.all(found.results.map(async (result) => (await result.data()).url));
  });
  expect(urls.some((url) => url.includes(PAIRS))).toBe(true);
});
