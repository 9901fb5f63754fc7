/**
 * The Python part of the snippet controller, its own chunk: loaded only when a
 * reader reaches for a Python snippet, so TypeScript-only pages never fetch it.
 */
import type { Extension } from '@codemirror/state';
import type { Run } from '../runner/host';
import type { OutputLine } from '../runner/protocol';
import { runPython, type LoadProgress } from './session';

export { warmUp } from './session';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** A `role=status` line with a progress bar, shown while CPython downloads. */
function progressIndicator(panel: HTMLElement): (progress: LoadProgress | null) => void {
  let status: HTMLElement | undefined;
  let bar: HTMLProgressElement | undefined;
  let label: HTMLElement | undefined;
  return (progress) => {
    if (!progress) {
      status?.remove();
      return;
    }
    if (!status) {
      status = document.createElement('div');
      status.className = 'snippet-progress';
      status.setAttribute('role', 'status');
      label = document.createElement('span');
      bar = document.createElement('progress');
      bar.setAttribute('aria-label', 'Python download');
      status.append(label, bar);
      panel.prepend(status);
    }
    bar!.max = progress.total;
    bar!.value = Math.min(progress.loaded, progress.total);
    label!.textContent = `Loading Python: ${megabytes(progress.loaded)} of ${megabytes(progress.total)} MB`;
  };
}

export function startPythonRun(code: string, panel: HTMLElement, appendLine: (line: OutputLine) => void): Run {
  const onProgress = progressIndicator(panel);
  // Shown at once: the first progress message can take a moment on a slow network.
  onProgress({ loaded: 0, total: __PYODIDE_FETCH_BYTES__ });
  return runPython({ code, onLine: appendLine, onProgress });
}

/** CodeMirror's Python mode, for Edit. */
export async function pythonLanguage(): Promise<{ extension: Extension; name: string }> {
  const { python } = await import('@codemirror/lang-python');
  return { extension: python(), name: 'Python' };
}
