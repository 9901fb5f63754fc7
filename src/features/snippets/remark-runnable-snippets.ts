/**
 * Turns each ```ts run + ```text output pair into a runnable example: the code
 * (highlighted by shiki like any block), hidden controls the page script
 * reveals, an output panel, and the expected output. The TypeScript is
 * transpiled here, at build time, so a reader who only presses Run never
 * downloads a transpiler; the JavaScript rides along in `data-snippet-js`.
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

function snippetNode(snippet: RunnableSnippet, javascript: string): RunnableSnippetNode {
  const label = snippet.title ? `Runnable example: ${snippet.title}` : 'Runnable example';
  const title = snippet.title ? [block(h('p', { className: ['snippet-title'] }, snippet.title))] : [];
  return {
    type: 'runnableSnippet',
    data: {
      hName: 'div',
      hProperties: { className: ['snippet'], role: 'group', ariaLabel: label, dataSnippetJs: javascript },
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
        children: [block(h('p', { className: ['snippet-label'] }, 'Expected output')), snippet.output],
      },
    ],
  } as RunnableSnippetNode;
}

export function remarkRunnableSnippets() {
  return (tree: Root, file: VFile) => {
    const path = problemFile(file);
    const snippets = findRunnableSnippets(tree, path);
    if (snippets.length > 0) handToPage(file, SNIPPET_COUNT, snippets.length);
    // Last first, so splicing one pair leaves the earlier indices valid.
    for (const snippet of snippets.reverse()) {
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
