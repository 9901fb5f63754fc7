/**
 * The Python side of a run, installed in each interpreter after the recorder
 * (recorder.ts) and before its one run (the page starts a fresh interpreter
 * for every run, python/session.ts, so nothing a run changes, this harness
 * included, outlives it). `_snippet_run` compiles the reader's code as the
 * file "<snippet>" (so tracebacks carry the snippet's own line numbers and
 * source lines), runs it in a `__main__` namespace of its own, and reports an
 * uncaught exception as one block of text holding only the snippet's frames.
 * `input()` and threads, which the page cannot give, fail with one sentence.
 * It returns the exit status: 0 finished, 1 failed.
 */
export const HARNESS = String.raw`
import asyncio, builtins, linecache, sys, traceback

_SNIPPET = "<snippet>"

_INPUT_MESSAGE = "input() has no keyboard here: the example cannot read input in the page; put the value in the code."

# Set by _snippet_run: shows one block of error text as one output line (runtime.ts).
_snippet_report = None

class _InputUnavailable(EOFError):
    """What input() raises: still an EOFError, so a snippet that handles end-of-file keeps working."""

def _snippet_input(prompt=""):
    # The prompt first, as a terminal shows it, then the one-line reason.
    if prompt:
        sys.stdout.write(f"{prompt}\n")
    raise _InputUnavailable(_INPUT_MESSAGE)

def _snippet_keep_own_frames(report, seen):
    # Only the snippet's frames mean something to the reader: not asyncio's, Pyodide's or this harness's.
    if report is None or id(report) in seen:
        return
    seen.add(id(report))
    report.stack = traceback.StackSummary.from_list([frame for frame in report.stack if frame.filename == _SNIPPET])
    _snippet_keep_own_frames(report.__cause__, seen)
    _snippet_keep_own_frames(report.__context__, seen)
    for inner in report.exceptions or ():
        _snippet_keep_own_frames(inner, seen)

def _snippet_format_exception(error):
    # The page's own limits (no keyboard, no threads) are a sentence, not a crash.
    if isinstance(error, (_InputUnavailable, _ThreadsUnavailable)):
        return str(error)
    report = traceback.TracebackException(type(error), error, error.__traceback__, compact=True)
    _snippet_keep_own_frames(report, set())
    return "".join(report.format()).rstrip("\n")

def _snippet_show_error(text):
    sys.stdout.flush()
    sys.stderr.flush()
    if _snippet_report is None:
        sys.stderr.write(text + "\n")
    else:
        _snippet_report(text)

def _snippet_report_loop_error(context):
    # An error no await received (a task's exception never retrieved, a failing callback): one block, own frames only.
    error = context.get("exception")
    message = context.get("message") or ("Task exception was never retrieved" if error else "Error in the event loop")
    task = context.get("task") or context.get("future")
    if isinstance(task, asyncio.Task):
        message += f" (task {_Recorder.name(task)})"
    _snippet_show_error(message if error is None else f"{message}\n{_snippet_format_exception(error)}")

# Formatting a first traceback imports and compiles a lot; do it now, not in the reader's first error.
try:
    raise ValueError
except ValueError as _error:
    _snippet_keep_own_frames(traceback.TracebackException.from_exception(_error), set())
    "".join(traceback.format_exception(_error))
    del _error

def _snippet_run(source, origin_ms, report):
    global _snippet_report
    _snippet_report = report
    _snippet_record(origin_ms)
    builtins.input = _snippet_input
    linecache.cache[_SNIPPET] = (len(source), None, source.splitlines(True), _SNIPPET)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        exec(compile(source, _SNIPPET, "exec", dont_inherit=True), namespace)
        return 0
    except SystemExit as exit:
        # As CPython exits: sys.exit("message") prints the message and fails.
        if exit.code in (0, None):
            return 0
        if not isinstance(exit.code, int):
            sys.stderr.write(f"{exit.code}\n")
        return 1
    except BaseException as error:
        _snippet_show_error(_snippet_format_exception(error))
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        namespace.clear()
        _snippet_report = None

def _snippet_timeline():
    return _snippet_recorder.timeline()
`;
