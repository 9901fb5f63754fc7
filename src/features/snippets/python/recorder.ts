/**
 * The timeline recorder of a Python run (runner/protocol.ts `Timeline`), installed with the harness (harness.ts).
 *
 * Pyodide's event loop (pyodide/webloop.py `WebLoop`) runs every callback, task steps included, as its own
 * JavaScript timer: `call_soon` and `call_at` both go through `call_later`. A WebLoop subclass that overrides that
 * one public method sees every step of every task as it is scheduled (its due time) and as it runs (from resume to
 * suspend), so the recording costs one Python call per scheduled callback and nothing per plain function call.
 * The documented hooks do not serve here: `loop.set_task_factory` fails in this Pyodide (its `create_task` calls
 * `asyncio.tasks._set_task_name`, which CPython 3.14 removed), and `sys.monitoring` would cost a callback per
 * coroutine resume to learn what the loop already knows. A step is a callback bound to its task (`__self__`), which
 * is how both the C and the Python `Task` schedule their steps.
 *
 * Ready: a step could run from its due time, a timer's end or the moment another step woke it, if the thread was
 * held then; a callback scheduled by plumbing (a timer setting a future, a done callback) passes its own due time
 * on, so a task woken by an overdue `sleep` is ready from when the sleep was due.
 */
export const RECORDER = String.raw`
import asyncio, json, re, time
from collections import deque
from pyodide.ffi import can_run_sync
from pyodide.webloop import WebLoop

_MAX_TASKS = 40
_MAX_PERIODS = 2000
_DEFAULT_NAME = re.compile(r"Task-\d+")

class _Lane:
    __slots__ = ("task", "kind", "created", "ended", "running", "ready", "since")

    def __init__(self, task, kind, created):
        self.task, self.kind, self.created = task, kind, created
        self.ended = None
        self.running, self.ready = [], []
        self.since = None  # start of its open running period

class _Step:
    """One callback of the loop as it runs: its lane (None for plumbing) and when it could first have run."""
    __slots__ = ("lane", "due", "paused", "start")

    def __init__(self, lane, due):
        self.lane, self.due, self.paused = lane, due, False
        self.start = 0.0  # when it last took the thread

class _Recorder:
    def __init__(self, origin_ms):
        self.origin = origin_ms
        self.lanes = {}  # task -> _Lane, or None once past the cap
        self.order = []
        self.dropped = 0
        self.periods = 0
        self.dropped_periods = 0
        self.stack = []  # callbacks running now; more than one when a step is suspended (time.sleep, run_sync)
        self.held = deque(maxlen=256)  # the latest stretches [start, end] when a callback held the thread
        self.unseen = False  # the next task is plumbing (time.sleep's own), not the snippet's

    def now(self):
        return time.perf_counter() * 1000 - self.origin

    def lane(self, task, now):
        if task in self.lanes:
            return self.lanes[task]
        if self.unseen:
            self.unseen = False
            self.lanes[task] = None
            return None
        if len(self.order) >= _MAX_TASKS:
            self.dropped += 1
            self.lanes[task] = None
            return None
        # The task asyncio.run creates is scheduled by the snippet's top level, outside every callback.
        lane = _Lane(task, "task" if self.stack else "main", now)
        self.lanes[task] = lane
        self.order.append(lane)
        return lane

    def period(self, periods, start, end):
        if end <= start:
            return
        if self.periods >= _MAX_PERIODS:
            self.dropped_periods += 1
            return
        self.periods += 1
        periods.append((start, end))

    def schedule(self, delay, callback):
        now = self.now()
        task = getattr(callback, "__self__", None)
        lane = self.lane(task, now) if isinstance(task, asyncio.Task) else None
        parent = self.stack[-1] if self.stack else None
        # Plumbing that runs at once continues its own callback's chain: its due time is the chain's.
        due = parent.due if parent is not None and parent.lane is None and delay <= 0 else now + delay * 1000 if delay > 0 else now

        def step(*args):
            self.begin(lane, due)
            try:
                return callback(*args)
            finally:
                self.finish()

        return step

    def begin(self, lane, due):
        now = self.now()
        since = self.ready_since(due, now)
        if self.stack:
            self.pause()
        step = _Step(lane, since)
        self.stack.append(step)
        if lane is not None:
            self.period(lane.ready, since, now)
            lane.since = now
        step.start = now

    def ready_since(self, due, now):
        # Overdue: ready from the first moment after its due time that another callback held the thread.
        since = now
        for start, end in reversed(self.held):
            if end <= due:
                break
            since = start
        return since if since > due else due

    def finish(self):
        now = self.now()
        step = self.stack.pop()
        lane = step.lane
        if lane is not None:
            if lane.since is not None:
                self.period(lane.running, lane.since, now)
                lane.since = None
            if lane.ended is None and lane.task.done():
                lane.ended = now
        if not step.paused:
            self.held.append((step.start, now))

    def pause(self):
        """The running step gives the thread back without returning (Pyodide's time.sleep suspends it)."""
        now = self.now()
        step = self.stack[-1] if self.stack else None
        if step is None or step.paused:
            return None
        step.paused = True
        lane = step.lane
        if lane is not None and lane.since is not None:
            self.period(lane.running, lane.since, now)
            lane.since = None
        self.held.append((step.start, now))
        return step

    def resume(self, step, due):
        now = self.now()
        step.paused = False
        step.start = now
        lane = step.lane
        if lane is not None:
            self.period(lane.ready, self.ready_since(due, now), now)
            lane.since = now

    def timeline(self):
        end = self.now()
        for step in self.stack:
            if step.lane is not None and step.lane.since is not None:
                self.period(step.lane.running, step.lane.since, end)
        names = [self.name(lane.task) for lane in self.order]
        seen = {}
        tasks = []
        for number, (lane, name) in enumerate(zip(self.order, names), 1):
            if names.count(name) > 1:
                seen[name] = seen.get(name, 0) + 1
                name = f"{name} #{seen[name]}"
            task = {
                "id": number,
                "name": name,
                "kind": lane.kind,
                "created": round(lane.created, 2),
                "running": [[round(a, 2), round(b, 2)] for a, b in lane.running],
                "ready": [[round(a, 2), round(b, 2)] for a, b in lane.ready],
            }
            if lane.ended is not None:
                task["ended"] = round(lane.ended, 2)
            tasks.append(task)
        self.lanes.clear()  # the recording is done: the run's tasks need not outlive it
        timeline = {"tasks": tasks, "dropped": self.dropped}
        if self.dropped_periods:
            timeline["droppedPeriods"] = self.dropped_periods
        return json.dumps(timeline)

    @staticmethod
    def name(task):
        given = task.get_name()
        if not _DEFAULT_NAME.fullmatch(given):
            return given
        coro = task.get_coro()
        return getattr(coro, "__name__", None) or type(coro).__name__

class _ThreadsUnavailable(RuntimeError):
    pass

_THREADS_MESSAGE = (
    "Threads do not run in the page's Python: asyncio.to_thread() and run_in_executor() cannot start one; "
    "run this example in a local Python to see a thread."
)

class _RecordingLoop(WebLoop):
    def __init__(self, recorder):
        super().__init__()
        self._recorder = recorder

    def call_later(self, delay, callback, *args, context=None):
        return super().call_later(delay, self._recorder.schedule(delay, callback), *args, context=context)

    def run_in_executor(self, executor, func, *args):
        # WebLoop would call func here and now, holding the loop: not what a thread does.
        raise _ThreadsUnavailable(_THREADS_MESSAGE)

    def default_exception_handler(self, context):
        _snippet_report_loop_error(context)

_snippet_recorder = None
_pyodide_sleep = time.sleep

def _snippet_sleep(seconds):
    recorder = _snippet_recorder
    # Pyodide's time.sleep suspends the whole Python stack when it can, and other callbacks run meanwhile.
    step = recorder.pause() if recorder is not None and can_run_sync() else None
    due = recorder.now() + seconds * 1000 if step is not None else 0
    if step is not None:
        recorder.unseen = True  # it wraps asyncio.sleep in a task of its own
    try:
        _pyodide_sleep(seconds)
    finally:
        if step is not None:
            recorder.unseen = False
            recorder.resume(step, due)

time.sleep = _snippet_sleep

def _snippet_record(origin_ms):
    global _snippet_recorder
    _snippet_recorder = _Recorder(origin_ms)
    asyncio.set_event_loop(_RecordingLoop(_snippet_recorder))
`;
