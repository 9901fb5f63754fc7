/**
 * A CPython (Pyodide) made ready to run snippets: the page's worker (worker.ts)
 * runs one snippet per interpreter; the runtime's unit tests (node.ts) run
 * several in one, which only project-written code may do. It speaks the
 * snippet protocol (runner/protocol.ts): every stdout/stderr line becomes a
 * `line` message with its milliseconds since the run started (an error report
 * is one line of several), the recorder's `timeline` follows, and the run
 * ends with `done`.
 */
import type { PyodideAPI } from 'pyodide';
import { OUTPUT_LIMITS, type Level, type SandboxMessage, type Timeline } from '../runner/protocol.ts';
import { HARNESS } from './harness.ts';
import { RECORDER } from './recorder.ts';

/** A line longer than this is cut, so one `print` cannot flood the page. */
export const MAX_LINE_CHARS = 10_000;

export interface PythonRuntime {
  /** Runs one snippet; resolves after its `done` message was posted. */
  run(source: string, post: (message: SandboxMessage) => void): Promise<void>;
}

interface RunSink {
  emit(level: Level, text: string): void;
}

/** Splits a byte stream into lines (UTF-8 across chunk boundaries included). */
class LineStream {
  readonly #decoder = new TextDecoder();
  #partial = '';
  readonly #onLine: (text: string) => void;
  constructor(onLine: (text: string) => void) {
    this.#onLine = onLine;
  }

  write(bytes: Uint8Array): void {
    const lines = (this.#partial + this.#decoder.decode(bytes, { stream: true })).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#onLine(line);
    if (this.#partial.length > MAX_LINE_CHARS) this.flush();
  }

  flush(): void {
    const rest = this.#partial + this.#decoder.decode();
    this.#partial = '';
    if (rest) this.#onLine(rest);
  }
}

/**
 * The host enforces OUTPUT_LIMITS (runner/host.ts); as in the TypeScript
 * sandbox, stopping one line or character past them here keeps a printing
 * loop from copying what the host would drop, while showing it there was more.
 */
function limitedSink(post: (message: SandboxMessage) => void, start: number): RunSink {
  let printed = 0;
  let characters = 0;
  return {
    emit(level, text) {
      if (printed > OUTPUT_LIMITS.lines || characters > OUTPUT_LIMITS.characters) return;
      printed++;
      if (text.length > MAX_LINE_CHARS)
        text = `${text.slice(0, MAX_LINE_CHARS)} … (line cut at ${MAX_LINE_CHARS} characters)`;
      characters += text.length;
      post({ type: 'line', line: { level, text, ms: performance.now() - start } });
    },
  };
}

/** Prepares a freshly loaded interpreter: output capture and the run harness. */
export function createPythonRuntime(pyodide: PyodideAPI): PythonRuntime {
  let sink: RunSink | undefined;
  const stream = (level: Level) => new LineStream((text) => sink?.emit(level, text));
  const stdout = stream('log');
  const stderr = stream('error');
  // isatty: Python then flushes at every newline, so each line arrives with its own time.
  const writer = (target: LineStream) => ({
    isatty: true,
    write: (bytes: Uint8Array) => {
      target.write(bytes);
      return bytes.length;
    },
  });
  pyodide.setStdout(writer(stdout));
  pyodide.setStderr(writer(stderr));
  // No input: a snippet that reads stdin gets end-of-file, as under `< /dev/null`.
  pyodide.setStdin({ stdin: () => null });
  pyodide.runPython(RECORDER);
  pyodide.runPython(HARNESS);
  const runSnippet = pyodide.globals.get('_snippet_run') as {
    callPromising(source: string, startMs: number, report: (text: string) => void): Promise<number>;
  };
  const timeline = pyodide.globals.get('_snippet_timeline') as () => string;
  // Printed lines still waiting for their newline come first: the block follows them.
  const report = (text: string) => {
    stdout.flush();
    stderr.flush();
    sink?.emit('error', text);
  };

  return {
    async run(source, post) {
      const start = performance.now();
      sink = limitedSink(post, start);
      let failed = true;
      let recorded: Timeline | undefined;
      try {
        // Python's perf_counter is this clock (performance.now), so the recorder's times match the lines'.
        failed = (await runSnippet.callPromising(source, start, report)) !== 0;
        recorded = JSON.parse(timeline()) as Timeline;
      } catch (error) {
        sink.emit('error', `The Python runtime failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        stdout.flush();
        stderr.flush();
        sink = undefined;
      }
      if (recorded) post({ type: 'timeline', timeline: recorded });
      post({ type: 'done', failed });
    },
  };
}
