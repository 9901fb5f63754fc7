/**
 * The editor chunk, loaded only on Edit: CodeMirror 6 with TypeScript
 * highlighting (or the language the caller loaded, e.g. Python), line numbers,
 * undo history; Ctrl/Cmd+Enter runs. Tab is left to the browser so keyboard
 * users can leave the editor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { typeChecking } from './typecheck/lint';

export interface SnippetEditor {
  element: HTMLElement;
  code(): string;
  focus(): void;
  /** Puts the cursor at a 1-based line and column (where a transpile error is). */
  focusAt(line: number, column: number): void;
  /** What TypeScript finds wrong with the code, as the warning a run prints first; null when nothing (or not TypeScript). */
  typeWarning(): Promise<string | null>;
  destroy(): void;
}

// GitHub's Primer palette, picked for 4.5:1 contrast on the code background in both themes.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'light-dark(#cf222e, #ff7b72)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'light-dark(#0a3069, #a5d6ff)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'light-dark(#0550ae, #79c0ff)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'light-dark(#6639ba, #d2a8ff)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'light-dark(#0550ae, #79c0ff)' },
  { tag: [tags.definition(tags.variableName)], color: 'light-dark(#953800, #ffa657)' },
  { tag: tags.comment, color: 'light-dark(#57606a, #8b949e)', fontStyle: 'italic' },
]);

// Selection and bracket colours in both themes (CodeMirror's defaults assume a light editor): every token colour
// above keeps 4.5:1 on them, e.g. #cf222e on #e1edff is 4.5:1 and #8b949e on #1b2c48 is 4.6:1.
const SELECTION = 'light-dark(#e1edff, #1b2c48)';
// The code block's geometry (global.css `figure.code pre`, whose paddings the page hands over as --code-pad-*), and
// no wrapping, as there (a long line scrolls sideways; the cursor keys reach all of it): Edit moves no line on screen.
const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg-code)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-content': {
    // The block's text is `code` in `pre`, 0.9em of 0.9em, on the pre's 1.5 lines: the same size and line pitch.
    fontSize: '0.9em',
    lineHeight: String(1.5 / 0.9),
    caretColor: 'var(--fg)',
    padding: 'var(--code-pad-top, 0.9rem) 0 var(--code-pad-bottom, 0.9rem)',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg-code)',
    color: 'var(--fg-muted)',
    border: 'none',
    fontSize: '0.9em',
    lineHeight: String(1.5 / 0.9),
  },
  '&.cm-focused': { outline: '3px solid var(--focus)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    backgroundColor: SELECTION,
  },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: SELECTION, outline: '1px solid var(--fg-muted)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'transparent', outline: '1px solid #d1242f' },
});

/**
 * Typing over a selection that spans lines makes Chromium rewrite the DOM with
 * an inline style attribute, which the site's policy (no 'unsafe-inline' in
 * style-src) refuses and reports. Made here as an editor transaction instead,
 * the DOM stays CodeMirror's to draw.
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.isComposing || !event.data) return false;
    if (view.state.selection.ranges.every((range) => range.empty)) return false;
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(event.data), { scrollIntoView: true, userEvent: 'input.type' });
    return true;
  },
});

export interface EditorLanguage {
  extension: Extension;
  /** For the editor's accessible name. */
  name: string;
  /** TypeScript's checker reports type errors as the reader types (./typecheck/). */
  typeChecked?: boolean;
}

const typescript: EditorLanguage = {
  extension: javascript({ typescript: true }),
  name: 'TypeScript',
  typeChecked: true,
};

export function createEditor({
  source,
  onRun,
  onChange,
  language = typescript,
}: {
  source: string;
  onRun: () => void;
  /** After each change to the code (typing, undo, redo). */
  onChange?: () => void;
  language?: EditorLanguage;
}): SnippetEditor {
  const element = document.createElement('div');
  element.className = 'snippet-editor';
  // CodeMirror injects its styles at run time. In a document that is a <style>
  // element, which the site's Content-Security-Policy (hashes, no nonces)
  // blocks; in a shadow root it uses a constructed stylesheet, which CSP allows.
  const root = element.attachShadow({ mode: 'open' });
  const checking = language.typeChecked ? typeChecking(source) : undefined;
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: source,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        bracketMatching(),
        language.extension,
        checking?.extension ?? [],
        syntaxHighlighting(highlight),
        theme,
        typeOverSelection,
        EditorView.contentAttributes.of({
          'aria-label': `Snippet code (${language.name}). Ctrl+Enter or Cmd+Enter runs it.`,
          // Already focusable as an editable field; said outright, so axe sees the sideways-scrolling box is reachable.
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.();
        }),
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              onRun();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
      ],
    }),
  });
  return {
    element,
    code: () => view.state.doc.toString(),
    focus: () => view.focus(),
    focusAt: (line, column) => {
      const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: Math.min(target.from + column - 1, target.to) }, scrollIntoView: true });
      view.focus();
    },
    typeWarning: async () => (checking ? checking.warning(view.state.doc.toString()) : null),
    destroy: () => {
      view.destroy();
      element.remove();
    },
  };
}
