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
import { relative } from 'node:path';
import type { ElementContent } from 'hast';
import type { Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { transpile } from './runner/transpile';
import { assertNoHandWrittenSnippets } from './hand-written-markup';
import {
  findRunnableSnippets,
  PYTHON_SNIPPETS_FRONTMATTER_KEY,
  SNIPPETS_FRONTMATTER_KEY,
  SnippetSyntaxError,
  type RunnableSnippet,
} from './runnable-snippets';

/** The wrapper node; mdast-util-to-hast renders it through `data.hName`. */
export interface RunnableSnippetNode extends Parent {
  type: 'runnableSnippet';
}

interface HastData {
  hName: string;
  hProperties?: Record<string, string | boolean | string[]>;
  hChildren?: ElementContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    runnableSnippet: RunnableSnippetNode;
  }
}

const text = (value: string): ElementContent => ({ type: 'text', value });

function button(action: string, label: string, disabled = false): ElementContent {
  return {
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', dataAction: action, disabled },
    children: [text(label)],
  };
}

/** A leaf block rendered from hast, for the parts Markdown has no syntax for. */
function block(data: HastData): RunnableSnippetNode {
  return { type: 'runnableSnippet', children: [], data } as RunnableSnippetNode;
}

function snippetNode(snippet: RunnableSnippet, javascript: string | null): RunnableSnippetNode {
  const label = snippet.title ? `Runnable example: ${snippet.title}` : 'Runnable example';
  const runnable = javascript === null ? { dataSnippetLang: 'python' } : { dataSnippetJs: javascript };
  const title = snippet.title
    ? [block({ hName: 'p', hProperties: { className: ['snippet-title'] }, hChildren: [text(snippet.title)] })]
    : [];
  return {
    type: 'runnableSnippet',
    data: {
      hName: 'div',
      hProperties: { className: ['snippet'], role: 'group', ariaLabel: label, ...runnable },
    } satisfies HastData,
    children: [
      ...title,
      snippet.code,
      block({
        hName: 'div',
        hProperties: { className: ['snippet-toolbar'], hidden: true, dataPagefindIgnore: true },
        hChildren: [
          button('run', 'Run'),
          button('stop', 'Stop', true),
          button('edit', 'Edit'),
          button('reset', 'Reset', true),
        ],
      }),
      block({
        hName: 'div',
        hProperties: {
          className: ['snippet-output'],
          role: 'log',
          ariaLive: 'polite',
          ariaLabel: 'Output',
          // Focusable so keyboard users can scroll long lines sideways.
          tabIndex: '0',
          hidden: true,
          dataPagefindIgnore: true,
        },
      }),
      // Search indexes the code, not what it prints.
      {
        type: 'runnableSnippet',
        data: { hName: 'div', hProperties: { className: ['snippet-expected'], dataPagefindIgnore: true } },
        children: [
          block({ hName: 'p', hProperties: { className: ['snippet-label'] }, hChildren: [text('Expected output')] }),
          snippet.output,
        ],
      } as RunnableSnippetNode,
    ],
  } as RunnableSnippetNode;
}

/** Checks a `tabs` Python snippet is followed by the TypeScript snippet it is paired with. */
function checkPairedTypeScript(snippet: RunnableSnippet, all: RunnableSnippet[], path: string): void {
  const next = all.find((other) => other.parent === snippet.parent && other.index === snippet.index + 2);
  if (!next || next.language !== 'typescript') {
    throw new SnippetSyntaxError(
      `${path}:${snippet.line}: this \`\`\`python run tabs block must be followed, right after its \`\`\`text output block, by the \`\`\`ts run block it is paired with.`,
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
    const path = file.path ? relative(process.cwd(), file.path) : '<markdown>';
    assertNoHandWrittenSnippets(tree, path);
    const snippets = findRunnableSnippets(tree, path);
    if (snippets.length > 0) {
      file.data.astro ??= {};
      file.data.astro.frontmatter ??= {};
      file.data.astro.frontmatter[SNIPPETS_FRONTMATTER_KEY] = snippets.length;
      const python = snippets.filter((snippet) => snippet.language === 'python').length;
      if (python > 0) file.data.astro.frontmatter[PYTHON_SNIPPETS_FRONTMATTER_KEY] = python;
    }
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
        throw new SnippetSyntaxError(
          `${path}:${snippet.line + result.line}:${result.column}: the snippet does not parse as TypeScript: ${result.message}.`,
        );
      }
      snippet.parent.children.splice(snippet.index, 2, snippetNode(snippet, result.code));
    }
  };
}
