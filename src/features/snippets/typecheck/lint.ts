/**
 * Type errors in the editor (in the editor chunk; the checker itself loads by the first check): TypeScript's
 * problems as CodeMirror lint diagnostics (underline, message on hover or at the cursor, F8 to the next one,
 * Ctrl/Cmd+Shift+M for the list), and a one-line summary under the code that screen readers announce when it changes.
 */
import type { Extension } from '@codemirror/state';
import { linter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { EditorView, keymap, showPanel } from '@codemirror/view';
import { typeWarning, type TypeProblem } from './protocol';

/** After the reader stops typing for this long, the code is checked again (and once when the editor opens). */
const CHECK_DELAY_MS = 400;

const checker = () => import('./client');

const summary = (problems: readonly TypeProblem[]) =>
  problems.length === 0
    ? 'TypeScript: no type errors.'
    : `TypeScript: ${problems.length} type ${problems.length === 1 ? 'error' : 'errors'}. F8 goes to the next; Ctrl+Shift+M (Cmd+Shift+M) lists them.`;

const theme = EditorView.theme({
  '.cm-panels': { backgroundColor: 'var(--bg-code)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--fg-muted)' },
  '.cm-typecheck-status': { padding: '0.25rem 0.75rem', fontSize: '0.875em' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-code)', color: 'var(--fg)', border: '1px solid var(--fg-muted)' },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeft: '5px solid light-dark(#cf222e, #ff7b72)' },
  '.cm-lintRange-active': { backgroundColor: 'light-dark(#e1edff, #1b2c48)' },
  '.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'light-dark(#e1edff, #1b2c48)', color: 'var(--fg)' },
});

export interface TypeChecking {
  extension: Extension;
  /** The warning block for a run of `code`, or null when TypeScript finds nothing (or could not check). */
  warning(code: string): Promise<string | null>;
}

/** For one editor of a TypeScript snippet whose original code is `original` (the notes' test keeps it clean). */
export function typeChecking(original: string): TypeChecking {
  const status = document.createElement('div');
  status.className = 'cm-typecheck-status';
  status.setAttribute('role', 'status');
  status.textContent = 'TypeScript: loading the type checker…';
  const say = (text: string) => {
    // Announced only when it changes: not on every check while the reader types.
    if (status.textContent !== text) status.textContent = text;
  };
  // The checker starts loading (and parsing its libs) now, not after the linter's first delay.
  void checker()
    .then(({ typeCheck }) => typeCheck(original))
    .catch(() => {});
  const diagnostics = async (view: EditorView): Promise<Diagnostic[]> => {
    const code = view.state.doc.toString();
    try {
      const problems = await (await checker()).typeCheck(code);
      if (view.state.doc.toString() === code) say(summary(problems));
      return problems.map(({ from, to, message, severity }) => ({ from, to, message, severity }));
    } catch (error) {
      say(`TypeScript: the type checker did not load (${error instanceof Error ? error.message : String(error)}).`);
      return [];
    }
  };
  return {
    extension: [
      linter(diagnostics, { delay: CHECK_DELAY_MS }),
      keymap.of(lintKeymap),
      showPanel.of(() => ({ dom: status, bottom: true })),
      theme,
    ],
    async warning(code) {
      if (code === original) return null;
      try {
        const problems = await (await checker()).typeCheck(code);
        // tsc emits JavaScript despite type errors, and so does a run: the reader sees both what TypeScript says and
        // what the code then does.
        return problems.length
          ? `${typeWarning(problems)}\nRunning it anyway: the types are erased, and the JavaScript runs as tsc emits it.`
          : null;
      } catch {
        return null;
      }
    },
  };
}
