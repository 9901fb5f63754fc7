/**
 * The runner chunk: Run, Stop, Edit and Reset for one snippet. Each run gets a
 * fresh worker in the page's sandboxed frame (runner/frame-host.ts), and one
 * run at a time goes on in a page: Run stops the run under way; output
 * arrives capped by the host (runner/host.ts) and is written as text nodes
 * only, never as HTML, a slice per animation frame so a flood cannot block the
 * page.
 */
import { startRun, type EndReason, type Run, type SandboxWorker } from './runner/host';
import { prepareSandbox, spawnInFrame } from './runner/frame-host';
import type { OutputLine } from './runner/protocol';

type Editor = import('./editor').SnippetEditor;
type Transpile = typeof import('./runner/transpile').transpile;

// Python snippets (python/page.ts, its own chunk): same toolbar, panel and lines; a fresh CPython per run, started
// ahead in its own frame. Only these few lines of this file know about Python.
const isPython = (snippet: HTMLElement) => snippet.dataset.snippetLang === 'python';
const pythonChunk = () => import('./python/page');

/** The run's timeline (timeline/view.ts, its own chunk with its CSS): loaded after a run that recorded one. */
const clearTimeline = (snippet: HTMLElement) => snippet.querySelector('.snippet-timeline')?.remove();

interface SnippetState {
  run?: Run | undefined;
  editor?: Editor | undefined;
  transpile?: Transpile | undefined;
}

const states = new WeakMap<HTMLElement, SnippetState>();

/** The page's run under way: a new Run stops it, so lines, Stop and the time limit all belong to one run. */
let active: Run | undefined;
/** Counts Run clicks, so a click overtaken by a later one (while the Python chunk loads) starts nothing. */
let clicks = 0;

// One worker started ahead of time, so a click does not wait for a worker to boot.
let spare: SandboxWorker | undefined;

/** The reader means to run TypeScript (pointer over or focus in a snippet): start the sandbox and a spare worker. */
function prepare(): void {
  void prepareSandbox().then(
    () => (spare ??= spawnInFrame()),
    () => {},
  );
}

function spawn(): SandboxWorker {
  const worker = spare ?? spawnInFrame();
  spare = undefined;
  return worker;
}

const part = <T extends HTMLElement>(snippet: HTMLElement, selector: string): T => {
  const element = snippet.querySelector<T>(selector);
  if (!element) throw new Error(`Snippet markup lacks ${selector}`);
  return element;
};
const buttonFor = (snippet: HTMLElement, action: string) =>
  part<HTMLButtonElement>(snippet, `button[data-action="${action}"]`);

/** Characters written to the DOM per animation frame: enough for any honest run, small enough to lay out at once. */
const CHARACTERS_PER_FRAME = 32_000;

interface OutputWriter {
  add(line: OutputLine): void;
  clear(): void;
}

/** A printed line's row; the host's cut note has no time, since nothing was printed then. */
function lineRow(line: OutputLine): { row: HTMLElement; text: HTMLElement } {
  const row = document.createElement('div');
  row.className = line.notice ? 'snippet-line snippet-notice' : 'snippet-line';
  row.dataset.level = line.level;
  if (line.notice) row.dataset.notice = line.notice;
  const text = document.createElement('span');
  text.className = 'snippet-text';
  if (line.notice) row.append(text);
  else {
    const time = document.createElement('span');
    time.className = 'snippet-ms';
    time.textContent = `${Math.round(line.ms)} ms`;
    row.append(time, text);
  }
  return { row, text };
}

/** How far from the end of the box still counts as reading the newest line (scroll offsets can be fractional). */
const BOTTOM_SLACK_PX = 4;
const atBottom = (panel: HTMLElement) => panel.scrollHeight - panel.scrollTop - panel.clientHeight <= BOTTOM_SLACK_PX;
const KEYS_UP = new Set(['ArrowUp', 'PageUp']);

interface Follower {
  /** Runs `change` to the box, then shows its newest line unless the reader has scrolled up. */
  around(change: () => void): void;
  /** A new run: follow again. */
  reset(): void;
}

/**
 * The box follows the newest line until the reader scrolls up, and again once
 * they are back at the bottom (or press End). The reader's own keys and wheel
 * count at once, before their smooth scroll moves the box, so a line written
 * meanwhile does not pull the box back down.
 */
function follower(panel: HTMLElement): Follower {
  let follow = true;
  let lastTop = 0;
  const stop = () => {
    if (panel.scrollTop > 0) follow = false;
  };
  panel.addEventListener('wheel', (event) => event.deltaY < 0 && stop(), { passive: true });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Home') {
      // A jump, as End below: the browser's smooth scroll could be cut short while lines arrive.
      event.preventDefault();
      follow = false;
      panel.scrollTop = 0;
      lastTop = 0;
    } else if (KEYS_UP.has(event.key) || (event.key === ' ' && event.shiftKey)) stop();
    else if (event.key === 'End') {
      // A jump, not the browser's smooth scroll: lines written during its animation would leave it short of the end.
      event.preventDefault();
      follow = true;
      panel.scrollTop = panel.scrollHeight;
      lastTop = panel.scrollTop;
    }
  });
  panel.addEventListener('scroll', () => {
    // The box's own moves (following, or a new line pushing nothing) keep `follow` as it is.
    if (panel.scrollTop === lastTop) return;
    follow = atBottom(panel) || (follow && panel.scrollTop > lastTop);
    lastTop = panel.scrollTop;
  });
  return {
    around: (change) => {
      change();
      if (!follow) return;
      panel.scrollTop = panel.scrollHeight;
      lastTop = panel.scrollTop;
    },
    reset: () => {
      follow = true;
      lastTop = 0;
    },
  };
}

/**
 * Writes lines as they come, at most a frame's budget at a time: the first
 * batch at once (a run's first line appears without waiting for a frame), and
 * whatever arrives after it in the next animation frames; a long line spans frames.
 */
function outputWriter(panel: HTMLElement): OutputWriter {
  let queue: OutputLine[] = [];
  let current: { text: HTMLElement; line: OutputLine; offset: number } | undefined;
  let frame = 0;
  const follow = follower(panel);
  const idle = () => {
    frame = 0;
    if (queue.length > 0) write();
    else panel.removeAttribute('aria-busy');
  };
  const write = () => follow.around(writeSome);
  const writeSome = () => {
    let budget = CHARACTERS_PER_FRAME;
    while (budget > 0 && (current || queue.length > 0)) {
      if (!current) {
        const line = queue.shift()!;
        const { row, text } = lineRow(line);
        panel.append(row);
        current = { text, line, offset: 0 };
      }
      const slice = current.line.text.slice(current.offset, current.offset + budget);
      if (slice.length === current.line.text.length) current.text.append(slice);
      else {
        // A line longer than a frame's budget: one block per slice, so each frame lays out only its own slice.
        const part = document.createElement('span');
        part.textContent = slice;
        current.text.append(part);
      }
      current.offset += slice.length;
      budget -= Math.max(slice.length, 80);
      if (current.offset >= current.line.text.length) current = undefined;
    }
    // This frame's budget is spent: anything more waits for the next one.
    frame = requestAnimationFrame(current ? write : idle);
  };
  return {
    add: (line) => {
      // A note goes first in the box, where the reader looks, as soon as it comes (the cut note also stays in view).
      if (line.notice) {
        const { row, text } = lineRow(line);
        text.textContent = line.text;
        return follow.around(() => panel.prepend(row));
      }
      queue.push(line);
      // Screen readers wait for the batch; tests wait for the last line to be written.
      panel.setAttribute('aria-busy', 'true');
      if (!frame) write();
    },
    clear: () => {
      cancelAnimationFrame(frame);
      frame = 0;
      queue = [];
      current = undefined;
      panel.removeAttribute('aria-busy');
      panel.replaceChildren();
      follow.reset();
    },
  };
}

const writers = new WeakMap<HTMLElement, OutputWriter>();
const writerFor = (panel: HTMLElement) => {
  let writer = writers.get(panel);
  if (!writer) writers.set(panel, (writer = outputWriter(panel)));
  return writer;
};

type Status = EndReason | 'checking' | 'running';

const STATUS: Record<Status, string> = {
  checking: 'Checking types…',
  running: 'Running…',
  finished: 'Finished.',
  failed: 'Failed.',
  timeout: 'Stopped at the time limit.',
  stopped: 'Stopped.',
};

/** The visible, announced state of a run, beside the buttons. */
function showStatus(snippet: HTMLElement, state: Status | null): void {
  const toolbar = part<HTMLElement>(snippet, '.snippet-toolbar');
  let status = toolbar.querySelector<HTMLElement>('.snippet-status');
  if (!status) {
    status = document.createElement('span');
    status.className = 'snippet-status';
    status.setAttribute('role', 'status');
    toolbar.append(status);
  }
  status.textContent = state ? STATUS[state] : '';
  if (state && state !== 'running' && state !== 'checking') snippet.dataset.runResult = state;
  else delete snippet.dataset.runResult;
}

function setRunning(snippet: HTMLElement, running: boolean): void {
  const stop = buttonFor(snippet, 'stop');
  // Keep keyboard focus inside the toolbar when the focused Stop gets disabled.
  if (!running && document.activeElement === stop) buttonFor(snippet, 'run').focus();
  stop.disabled = !running;
  snippet.toggleAttribute('data-running', running);
}

function codeToRun(snippet: HTMLElement, state: SnippetState, panel: HTMLElement): string | null {
  if (isPython(snippet)) return state.editor?.code() ?? part<HTMLElement>(snippet, 'figure.code pre code').textContent;
  if (!state.editor || !state.transpile) return snippet.dataset.snippetJs ?? '';
  const result = state.transpile(state.editor.code());
  if (result.ok) return result.code;
  writerFor(panel).add({
    level: 'error',
    text: `Line ${result.line}, column ${result.column}: ${result.message}`,
    ms: 0,
  });
  state.editor.focusAt(result.line, result.column);
  return null;
}

/** How long Run waits for the type checker (still loading just after Edit): its errors show in the editor anyway. */
const TYPE_CHECK_WAIT_MS = 3000;

/** The edited code's type errors as one warning, or null: none, or the checker not ready within the wait. */
function checkedTypes(snippet: HTMLElement, state: SnippetState): Promise<string | null> {
  const warning = state.editor?.typeWarning();
  if (!warning) return Promise.resolve(null);
  showStatus(snippet, 'checking');
  return Promise.race([warning, new Promise<null>((resolve) => setTimeout(() => resolve(null), TYPE_CHECK_WAIT_MS))]);
}

async function run(snippet: HTMLElement, state: SnippetState): Promise<void> {
  const click = ++clicks;
  active?.stop();
  const panel = part<HTMLElement>(snippet, '.snippet-output');
  const writer = writerFor(panel);
  writer.clear();
  clearTimeline(snippet);
  panel.hidden = false;
  const code = codeToRun(snippet, state, panel);
  if (code === null) return showStatus(snippet, 'failed');
  const typeWarning = isPython(snippet) ? null : await checkedTypes(snippet, state);
  const python = isPython(snippet) ? await pythonChunk() : undefined;
  if (click !== clicks) return;
  if (typeWarning) writer.add({ level: 'warn', text: typeWarning, ms: 0, notice: 'types' });
  const onLine = (line: OutputLine) => writer.add(line);
  const current = python ? python.startPythonRun(code, panel, onLine) : startRun({ code, spawn, onLine });
  active = state.run = current;
  setRunning(snippet, true);
  showStatus(snippet, 'running');
  void current.result.then(({ reason, timeline, lines }) => {
    if (active === current) active = undefined;
    if (state.run !== current) return;
    state.run = undefined;
    setRunning(snippet, false);
    showStatus(snippet, reason);
    if (!python) prepare();
    // A later run or Reset while the chunk and its stylesheet loaded: this run's picture is out of date.
    const fresh = () => click === clicks && !state.run && !panel.hidden;
    if (timeline)
      void import('./timeline/view').then((view) =>
        view.showTimeline(panel, timeline, lines, python ? 'python' : 'typescript', fresh),
      );
  });
}

/** The expected output under edited code says it is the original code's (the markup holds the words). */
function markEdited(snippet: HTMLElement, edited: boolean): void {
  part<HTMLElement>(snippet, '.snippet-label-edited').hidden = !edited;
}

async function edit(snippet: HTMLElement, state: SnippetState): Promise<void> {
  const figure = part<HTMLElement>(snippet, 'figure.code');
  const pre = part<HTMLElement>(figure, 'pre');
  const source = part<HTMLElement>(figure, 'pre code').textContent ?? '';
  const editButton = buttonFor(snippet, 'edit');
  editButton.disabled = true;
  const [{ createEditor }, transpiler, language] = await Promise.all([
    import('./editor'),
    isPython(snippet) ? undefined : import('./runner/transpile'),
    isPython(snippet) ? pythonChunk().then((python) => python.pythonLanguage()) : undefined,
  ]);
  state.transpile = transpiler?.transpile;
  const editor = createEditor({
    source,
    onRun: () => void run(snippet, state),
    onChange: () => markEdited(snippet, editor.code() !== source),
    ...(language && { language }),
  });
  state.editor = editor;
  // The editor takes the block's place line for line: its paddings (the copy button's room included) are the block's.
  const { paddingTop, paddingBottom } = getComputedStyle(pre);
  editor.element.style.setProperty('--code-pad-top', paddingTop);
  editor.element.style.setProperty('--code-pad-bottom', paddingBottom);
  const top = figure.getBoundingClientRect().top;
  figure.after(editor.element);
  figure.hidden = true;
  // Scroll anchoring can hold on to a node below the block, which moves if the editor is taller (its panel): the
  // code goes back where the reader saw it.
  window.scrollBy(0, editor.element.getBoundingClientRect().top - top);
  buttonFor(snippet, 'reset').disabled = false;
  editor.focus();
}

function reset(snippet: HTMLElement, state: SnippetState): void {
  state.run?.stop();
  state.editor?.destroy();
  state.editor = undefined;
  markEdited(snippet, false);
  part<HTMLElement>(snippet, 'figure.code').hidden = false;
  const panel = part<HTMLElement>(snippet, '.snippet-output');
  writerFor(panel).clear();
  clearTimeline(snippet);
  panel.hidden = true;
  showStatus(snippet, null);
  buttonFor(snippet, 'reset').disabled = true;
  const editButton = buttonFor(snippet, 'edit');
  editButton.disabled = false;
  editButton.focus();
}

/** The reader points at or focuses a snippet: a Python one starts loading CPython, so Run waits less. */
export function intent(snippet: HTMLElement): void {
  if (isPython(snippet)) void pythonChunk().then((python) => python.warmUp());
  else prepare();
}

export function handleAction(snippet: HTMLElement, action: string): void {
  let state = states.get(snippet);
  if (!state) states.set(snippet, (state = {}));
  if (action === 'run') void run(snippet, state);
  else if (action === 'stop') state.run?.stop();
  else if (action === 'edit') void edit(snippet, state);
  else if (action === 'reset') reset(snippet, state);
}
