/**
 * The Python side of a run, installed in each interpreter before its one run
 * (the page starts a fresh interpreter for every run, python/session.ts, so
 * nothing a run changes, this harness included, outlives it). `_snippet_run`
 * compiles the reader's code as the file "<snippet>" (so tracebacks carry the
 * snippet's own line numbers and source lines), runs it in a `__main__`
 * namespace of its own and prints uncaught exceptions as CPython does, minus
 * this harness's frames. It returns the exit status: 0 finished, 1 failed.
 */
export const HARNESS = String.raw`
import linecache, sys, traceback

_SNIPPET = "<snippet>"

_HIDDEN = ("/pyodide/", "/_pyodide/")

def _snippet_hide_frames(report, seen):
    # Pyodide's own frames (its asyncio.run, this harness) mean nothing to the reader.
    if report is None or id(report) in seen:
        return
    seen.add(id(report))
    report.stack = traceback.StackSummary.from_list(
        [frame for frame in report.stack if frame.filename == _SNIPPET or not any(part in frame.filename for part in _HIDDEN)]
    )
    _snippet_hide_frames(report.__cause__, seen)
    _snippet_hide_frames(report.__context__, seen)
    for inner in report.exceptions or ():
        _snippet_hide_frames(inner, seen)

def _snippet_print_exception(error):
    tb = error.__traceback__
    # Drop the harness's own frames: the traceback starts in the snippet.
    while tb is not None and tb.tb_frame.f_code.co_filename != _SNIPPET:
        tb = tb.tb_next
    report = traceback.TracebackException(type(error), error, tb, compact=True)
    _snippet_hide_frames(report, set())
    sys.stderr.write("".join(report.format()))

# Formatting a first traceback imports and compiles a lot; do it now, not in the reader's first error.
try:
    raise ValueError
except ValueError as _error:
    _snippet_hide_frames(traceback.TracebackException.from_exception(_error), set())
    "".join(traceback.format_exception(_error))
    del _error

def _snippet_run(source):
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
        _snippet_print_exception(error)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        namespace.clear()
`;
