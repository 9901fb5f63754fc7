/**
 * The authoring syntax of runnable snippets, shared by the build (the remark
 * plugin) and the doctests: a ```ts run or ```python run block (optionally
 * `title="…"`) is a snippet, and the ```text output block right after it is
 * its expected output. A ```python run block marked `tabs` is shown with the
 * ```ts run snippet that follows it as "Python | TypeScript" tabs.
 */
import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ContentError } from '../../core/content-error';

export interface RunnableSnippet {
  code: Code;
  output: Code;
  parent: Parent;
  /** Index of `code` in `parent.children`; `output` is the next child. */
  index: number;
  /** Line of the opening fence in the source file. */
  line: number;
  title: string | undefined;
  language: SnippetLanguage;
  /** A Python snippet paired with the TypeScript snippet right after it, shown as tabs. */
  tabs: boolean;
}

export type SnippetLanguage = 'typescript' | 'python';

const LANGUAGES: Record<string, SnippetLanguage> = {
  ts: 'typescript',
  typescript: 'typescript',
  python: 'python',
  py: 'python',
};

const metaWords = (meta: string | null | undefined): string[] =>
  (meta ?? '')
    .replace(/\b\w+=(["'])[^]*?\1/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

export function isRunBlock(node: Code): boolean {
  return metaWords(node.meta).includes('run');
}

export function isOutputBlock(node: Code): boolean {
  return node.lang === 'text' && metaWords(node.meta).includes('output');
}

export function snippetTitle(meta: string | null | undefined): string | undefined {
  return /\btitle=(["'])(.*?)\1/.exec(meta ?? '')?.[2];
}

/** A mistake in a snippet, as the build and the doctests report it. */
export function snippetError(file: string, line: number, message: string, column?: number): ContentError {
  return new ContentError('runnable snippet', [{ file, line, column, message }]);
}

/** Every snippet in a Markdown tree, in document order; bad syntax throws a ContentError. */
export function findRunnableSnippets(tree: Root, file: string): RunnableSnippet[] {
  const snippets: RunnableSnippet[] = [];
  visit(tree, 'code', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const line = node.position?.start.line ?? 0;
    if (isOutputBlock(node)) {
      const previous = parent.children[index - 1];
      if (previous?.type !== 'code' || !isRunBlock(previous)) {
        throw snippetError(
          file,
          line,
          'a ```text output block must come right after the ```ts run or ```python run block whose output it shows.',
        );
      }
      return;
    }
    if (!isRunBlock(node)) return;
    const language = LANGUAGES[node.lang ?? ''];
    if (!language) {
      throw snippetError(
        file,
        line,
        `runnable snippets are TypeScript or Python: write \`\`\`ts run or \`\`\`python run instead of \`\`\`${node.lang ?? ''} run.`,
      );
    }
    const tabs = metaWords(node.meta).includes('tabs');
    if (tabs && language !== 'python') {
      throw snippetError(
        file,
        line,
        '`tabs` goes on the ```python run block, which is then shown in tabs with the ```ts run block after its output.',
      );
    }
    const output = parent.children[index + 1];
    if (output?.type !== 'code' || !isOutputBlock(output)) {
      throw snippetError(
        file,
        line,
        `this \`\`\`${node.lang} run block needs its expected output right after it, in a \`\`\`text output block (leave it empty if the snippet prints nothing).`,
      );
    }
    snippets.push({ code: node, output, parent, index, line, title: snippetTitle(node.meta), language, tabs });
  });
  return snippets;
}
