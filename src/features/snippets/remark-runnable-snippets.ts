/**
 * Turns each ```ts run + ```text output pair into a runnable example: the code
 * (highlighted by shiki like any block), hidden controls the page script
 * reveals, an output panel, and the expected output. The TypeScript is
 * transpiled here, at build time, so a reader who only presses Run never
 * downloads a transpiler; the JavaScript rides along in `data-snippet-js`.
 * Python snippets (`data-snippet-lang="python"`) run the code block as shown;
 * a Python snippet marked `tabs` and the TypeScript one after it share a
 * `data-snippet-tabs` wrapper that the page turns into tabs.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import type { Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { transpile } from './runner/transpile';
import { problemFile } from '../../core/content-error';
import { handToPage, pageDataKey } from '../../core/page-data';
import { findRunnableSnippets, snippetError, type RunnableSnippet } from './runnable-snippets';

/** How many runnable snippets a page has: the page loads the snippet island only when there are some. */
export const SNIPPET_COUNT = pageDataKey<number>('runnableSnippets');
/** How many of them are Python: only those pages load the Python island. */
export const PYTHON_SNIPPET_COUNT = pageDataKey<number>('pythonSnippets');

/** The wrapper node; mdast-util-to-hast renders it through `data.hName`. */
export interface RunnableSnippetNode extends Parent {
  type: 'runnableSnippet';
}

interface HastData {
  hName: string;
  hProperties?: Properties;
  hChildren?: ElementContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    runnableSnippet: RunnableSnippetNode;
  }
}

/** A leaf block rendered as the given hast element, for the parts Markdown has no syntax for. */
function block(element: Element): RunnableSnippetNode {
  const data: HastData = { hName: element.tagName, hProperties: element.properties, hChildren: element.children };
  return { type: 'runnableSnippet', children: [], data } as RunnableSnippetNode;
}

const button = (action: string, label: string, disabled = false) =>
  h('button', { type: 'button', dataAction: action, disabled }, label);

function snippetNode(snippet: RunnableSnippet, javascript: string | null): RunnableSnippetNode {
  const label = snippet.title ? `Runnable example: ${snippet.title}` : 'Runnable example';
  const runnable = javascript === null ? { dataSnippetLang: 'python' } : { dataSnippetJs: javascript };
  const title = snippet.title ? [block(h('p', { className: ['snippet-title'] }, snippet.title))] : [];
  return {
    type: 'runnableSnippet',
    data: {
      hName: 'div',
      hProperties: { className: ['snippet'], role: 'group', ariaLabel: label, ...runnable },
    } satisfies HastData,
    children: [
      ...title,
      snippet.code,
      block(
        h('div', { className: ['snippet-toolbar'], hidden: true, dataPagefindIgnore: true }, [
          button('run', 'Run'),
          button('stop', 'Stop', true),
          button('edit', 'Edit'),
          button('reset', 'Reset', true),
        ]),
      ),
      block(
        h('div', {
          className: ['snippet-output'],
          role: 'log',
          ariaLive: 'polite',
          ariaLabel: 'Output',
          // Focusable so keyboard users can scroll long lines sideways.
          tabIndex: '0',
          hidden: true,
          dataPagefindIgnore: true,
        }),
      ),
      {
        type: 'runnableSnippet',
        // Search indexes the code, never what it prints.
        data: { hName: 'div', hProperties: { className: ['snippet-expected'], dataPagefindIgnore: true } },
        children: [
          block(
            h('p', { className: ['snippet-label'] }, [
              'Expected output',
              // Shown by the page once the reader's edits make the code above differ from the original.
              h('span', { className: ['snippet-label-edited'], hidden: true }, ' of the original code'),
            ]),
          ),
          snippet.output,
        ],
      },
    ],
  } as RunnableSnippetNode;
}

/** Checks a `tabs` Python snippet is followed by the TypeScript snippet it is paired with. */
function checkPairedTypeScript(snippet: RunnableSnippet, all: RunnableSnippet[], path: string): void {
  const next = all.find((other) => other.parent === snippet.parent && other.index === snippet.index + 2);
  if (!next || next.language !== 'typescript') {
    throw snippetError(
      path,
      snippet.line,
      'this ```python run tabs block must be followed, right after its ```text output block, by the ```ts run block it is paired with.',
    );
  }
}

/** Replaces the pair's two nodes with one wrapper holding each in a tab panel (the page adds the tabs). */
function wrapTabs(parent: RunnableSnippet['parent'], index: number): void {
  const pair = parent.children.splice(index, 2) as RunnableSnippetNode[];
  const panel = (snippet: RunnableSnippetNode) =>
    ({
      type: 'runnableSnippet',
      data: { hName: 'div', hProperties: { className: ['snippet-tabpanel'] } },
      children: [snippet],
    }) as RunnableSnippetNode;
  parent.children.splice(index, 0, {
    type: 'runnableSnippet',
    data: { hName: 'div', hProperties: { className: ['snippet-tabs'], dataSnippetTabs: '' } },
    children: pair.map(panel),
  } as RunnableSnippetNode);
}

export function remarkRunnableSnippets() {
  return (tree: Root, file: VFile) => {
    const path = problemFile(file);
    const snippets = findRunnableSnippets(tree, path);
    if (snippets.length > 0) handToPage(file, SNIPPET_COUNT, snippets.length);
    const python = snippets.filter((snippet) => snippet.language === 'python').length;
    if (python > 0) handToPage(file, PYTHON_SNIPPET_COUNT, python);
    for (const snippet of snippets) if (snippet.tabs) checkPairedTypeScript(snippet, snippets, path);
    // Last first, so splicing one pair leaves the earlier indices valid.
    for (const snippet of [...snippets].reverse()) {
      if (snippet.language === 'python') {
        snippet.parent.children.splice(snippet.index, 2, snippetNode(snippet, null));
        if (snippet.tabs) wrapTabs(snippet.parent, snippet.index);
        continue;
      }
      const result = transpile(snippet.code.value);
      if (!result.ok) {
        throw snippetError(
          path,
          snippet.line + result.line,
          `the snippet does not parse as TypeScript: ${result.message}.`,
          result.column,
        );
      }
      snippet.parent.children.splice(snippet.index, 2, snippetNode(snippet, result.code));
    }
  };
}
