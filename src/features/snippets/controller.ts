/**
 * The runner chunk: Run, Stop, Edit and Reset for one snippet. Each run gets a
 * fresh sandbox worker (a same-origin file, so the page's CSP `worker-src
 * 'self'` allows it); output is written as text nodes only, never as HTML.
 */
import { startRun, type Run, type SandboxWorker } from './runner/host';
import type { OutputLine, SandboxMessage } from './runner/protocol';

type Editor = import('./editor').SnippetEditor;
type Transpile = typeof import('./runner/transpile').transpile;

// Python snippets (python/page.ts, its own chunk): same toolbar, panel and lines; a warm CPython instead of a
// fresh worker per run. Only these few lines of this file know about Python.
const isPython = (snippet: HTMLElement) => snippet.dataset.snippetLang === 'python';
const pythonChunk = () => import('./python/page');

interface SnippetState {
  run?: Run | undefined;
  editor?: Editor | undefined;
  transpile?: Transpile | undefined;
}

const states = new WeakMap<HTMLElement, SnippetState>();

function createWorker(): Worker {
  return new Worker(new URL('./runner/browser-worker.ts', import.meta.url), { type: 'module', name: 'snippet' });
}

// One worker started ahead of time, so a click does not wait for a worker to boot.
let spare: Worker | undefined = createWorker();

function spawn(): SandboxWorker {
  const worker = spare ?? createWorker();
  spare = undefined;
  return {
    send: (request) => worker.postMessage(request),
    onMessage: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<SandboxMessage>) => listener(event.data)),
    onFailure: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'the worker script could not start');
      }),
    terminate: () => worker.terminate(),
  };
}

const part = <T extends HTMLElement>(snippet: HTMLElement, selector: string): T => {
  const element = snippet.querySelector<T>(selector);
  if (!element) throw new Error(`Snippet markup lacks ${selector}`);
  return element;
};
const buttonFor = (snippet: HTMLElement, action: string) =>
  part<HTMLButtonElement>(snippet, `button[data-action="${action}"]`);

function appendLine(panel: HTMLElement, line: OutputLine): void {
  const row = document.createElement('div');
  row.className = 'snippet-line';
  row.dataset.level = line.level;
  const time = document.createElement('span');
  time.className = 'snippet-ms';
  time.textContent = `${Math.round(line.ms)} ms`;
  const text = document.createElement('span');
  text.className = 'snippet-text';
  text.textContent = line.text;
  row.append(time, text);
  panel.append(row);
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
  appendLine(panel, { level: 'error', text: `Line ${result.line}, column ${result.column}: ${result.message}`, ms: 0 });
  state.editor.focusAt(result.line, result.column);
  return null;
}

async function run(snippet: HTMLElement, state: SnippetState): Promise<void> {
  state.run?.stop();
  const panel = part<HTMLElement>(snippet, '.snippet-output');
  panel.replaceChildren();
  panel.hidden = false;
  const code = codeToRun(snippet, state, panel);
  if (code === null) return;
  const onLine = (line: OutputLine) => appendLine(panel, line);
  const current = isPython(snippet)
    ? (await pythonChunk()).startPythonRun(code, panel, onLine)
    : startRun({ code, spawn, onLine });
  state.run = current;
  setRunning(snippet, true);
  void current.result.then(() => {
    if (state.run !== current) return;
    state.run = undefined;
    setRunning(snippet, false);
    if (!isPython(snippet)) spare ??= createWorker();
  });
}

async function edit(snippet: HTMLElement, state: SnippetState): Promise<void> {
  const figure = part<HTMLElement>(snippet, 'figure.code');
  const source = part<HTMLElement>(figure, 'pre code').textContent ?? '';
  const editButton = buttonFor(snippet, 'edit');
  editButton.disabled = true;
  const [{ createEditor }, transpiler, language] = await Promise.all([
    import('./editor'),
    isPython(snippet) ? undefined : import('./runner/transpile'),
    isPython(snippet) ? pythonChunk().then((python) => python.pythonLanguage()) : undefined,
  ]);
  state.transpile = transpiler?.transpile;
  state.editor = createEditor({ source, onRun: () => void run(snippet, state), ...(language && { language }) });
  figure.after(state.editor.element);
  figure.hidden = true;
  buttonFor(snippet, 'reset').disabled = false;
  state.editor.focus();
}

function reset(snippet: HTMLElement, state: SnippetState): void {
  state.run?.stop();
  state.editor?.destroy();
  state.editor = undefined;
  part<HTMLElement>(snippet, 'figure.code').hidden = false;
  const panel = part<HTMLElement>(snippet, '.snippet-output');
  panel.replaceChildren();
  panel.hidden = true;
  buttonFor(snippet, 'reset').disabled = true;
  const editButton = buttonFor(snippet, 'edit');
  editButton.disabled = false;
  editButton.focus();
}

/** The reader points at or focuses a snippet: a Python one starts loading CPython, so Run waits less. */
export function intent(snippet: HTMLElement): void {
  if (isPython(snippet)) void pythonChunk().then((python) => python.warmUp());
}

export function handleAction(snippet: HTMLElement, action: string): void {
  let state = states.get(snippet);
  if (!state) states.set(snippet, (state = {}));
  if (action === 'run') void run(snippet, state);
  else if (action === 'stop') state.run?.stop();
  else if (action === 'edit') void edit(snippet, state);
  else if (action === 'reset') reset(snippet, state);
}
