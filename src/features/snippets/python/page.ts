/**
 * The Python part of the snippet controller, its own chunk: loaded only when a
 * reader reaches for a Python snippet, so TypeScript-only pages never fetch it.
 */
import type { Extension } from '@codemirror/state';
import type { Run } from '../runner/host';
import type { OutputLine } from '../runner/protocol';
import { runPython, type LoadStatus } from './session';

export { warmUp } from './session';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

const PHASE_NAMES: Record<LoadStatus['phase'], string> = {
  download: 'Downloading Python',
  compile: 'Compiling Python',
  start: 'Starting Python',
  restart: 'Restarting Python',
};

/** "about 3 s left", rounded up, or nothing while the time cannot be told. */
const timeLeft = (ms: number | undefined) => (ms === undefined ? '' : `, about ${Math.ceil(ms / 1000)} s left`);

/** What the line shows: bytes while downloading, the phase and a time estimate after that. */
function label(status: LoadStatus): string {
  if (status.phase === 'download')
    return `${PHASE_NAMES.download}: ${megabytes(status.loaded)} of ${megabytes(status.total)} MB${timeLeft(status.leftMs)}`;
  return `${PHASE_NAMES[status.phase]}…${timeLeft(status.leftMs)}`;
}

/**
 * A `role=status` line with a progress bar while the run waits for its
 * interpreter. The visible label follows every byte and second; what a screen
 * reader hears is a separate line that changes only with the phase.
 */
function progressIndicator(panel: HTMLElement): (status: LoadStatus | null) => void {
  let line: { status: HTMLElement; label: HTMLElement; spoken: HTMLElement; bar: HTMLProgressElement } | undefined;
  let latest: LoadStatus | undefined;
  let ticking: ReturnType<typeof setInterval> | undefined;
  let speaking = false;
  const speak = () => {
    speaking = true;
    const spoken = latest && `${PHASE_NAMES[latest.phase]}.`;
    if (line && spoken && line.spoken.textContent !== spoken) line.spoken.textContent = spoken;
  };
  const render = () => {
    if (!line || !latest) return;
    line.label.textContent = label(latest);
    if (speaking) speak();
    if (latest.phase === 'download') {
      line.bar.max = latest.total;
      line.bar.value = latest.loaded;
    } else if (latest.phase === 'compile') {
      // How long compiling takes cannot be known: an indeterminate bar.
      line.bar.removeAttribute('value');
    } else {
      line.bar.max = latest.steps;
      line.bar.value = latest.step;
    }
  };
  return (status) => {
    latest = status ?? undefined;
    if (!status) {
      clearInterval(ticking);
      line?.status.remove();
      line = undefined;
      return;
    }
    if (!line) {
      const status = document.createElement('div');
      status.className = 'snippet-progress';
      status.setAttribute('role', 'status');
      const label = document.createElement('span');
      label.setAttribute('aria-hidden', 'true');
      const spoken = document.createElement('span');
      spoken.className = 'visually-hidden';
      const bar = document.createElement('progress');
      bar.setAttribute('aria-label', 'Python loading');
      status.append(label, spoken, bar);
      panel.prepend(status);
      line = { status, label, spoken, bar };
      // Screen readers announce changes to a live region already in the page, not the text it was inserted with.
      setTimeout(speak, 100);
      // The time left counts down between the session's own updates.
      ticking = setInterval(() => {
        if (latest?.leftMs !== undefined)
          latest = { ...latest, leftMs: Math.max(latest.leftMs - 1000, 0) || undefined };
        render();
      }, 1000);
    }
    render();
  };
}

export function startPythonRun(code: string, panel: HTMLElement, appendLine: (line: OutputLine) => void): Run {
  return runPython({ code, onLine: appendLine, onProgress: progressIndicator(panel) });
}

/** CodeMirror's Python mode, for Edit. */
export async function pythonLanguage(): Promise<{ extension: Extension; name: string }> {
  const { python } = await import('@codemirror/lang-python');
  return { extension: python(), name: 'Python' };
}
