/**
 * What runs is what is shown: the runnable code of a snippet comes only from
 * its ```ts run block, transpiled at build time. Snippet markup written by hand
 * in a note (raw HTML in `.md`, JSX in `.mdx`: a `data-snippet-*` attribute or a
 * `snippet` class) could make Run execute code nobody sees and no doctest ran,
 * so it fails the build with file:line.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import { ContentError, type ContentProblem } from '../../core/content-error';

const SNIPPET_HTML = /\bdata-snippet[\w-]*|\bclass(?:Name)?\s*=\s*(?:"[^"]*|'[^']*|\{[^}]*)\bsnippet(?:-[\w-]+)?\b/i;
const SNIPPET_ATTRIBUTE = /^data-snippet/i;
const SNIPPET_CLASS = /(?:^|\s)snippet(?:-[\w-]+)?(?:\s|$)/;

const MESSAGE =
  'snippet markup written by hand (a `data-snippet-*` attribute or a `snippet` class) is not allowed: Run would execute code that is not shown. Write a ```ts run block followed by its ```text output block instead.';

function isSnippetAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): boolean {
  if (attribute.type === 'mdxJsxExpressionAttribute') return /snippet/i.test(attribute.value);
  if (SNIPPET_ATTRIBUTE.test(attribute.name)) return true;
  if (!/^class(Name)?$/i.test(attribute.name)) return false;
  const value = attribute.value;
  const text = typeof value === 'string' ? value : (value?.value ?? '');
  return SNIPPET_CLASS.test(text) || (typeof value !== 'string' && /snippet/i.test(text));
}

/** Every place in a note's tree where snippet markup is written by hand. */
export function handWrittenSnippetMarkup(tree: Root, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (node: { position?: { start: { line: number; column: number } } | undefined }) =>
    problems.push({ file, line: node.position?.start.line, column: node.position?.start.column, message: MESSAGE });
  visit(tree, (node) => {
    if (node.type === 'html' && SNIPPET_HTML.test(node.value)) report(node);
    else if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.attributes.some(isSnippetAttribute)
    )
      report(node);
  });
  return problems;
}

export function assertNoHandWrittenSnippets(tree: Root, file: string): void {
  const problems = handWrittenSnippetMarkup(tree, file);
  if (problems.length > 0) throw new ContentError('snippet', problems);
}
