/**
 * Job 3: `[Source](…)` attributes the quotation above it. In the original
 * notes that is sometimes a list or paragraph copied from the work, which the
 * site then shows as a quotation (as the maintainers did for the
 * introduction); with nothing above it, the link names the work instead.
 */
import type { Link, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { descendants, line, lineStart, offset, type Edit } from './markdown';

export interface Attribution {
  edits: Edit[];
  warnings: string[];
  /** Lists and paragraphs that became quotations. */
  quoted: number;
}

export function attributeQuotes(text: string, tree: Root, rest: RootContent[], file: string): Attribution {
  const edits: Edit[] = [];
  const warnings: string[] = [];
  let quoted = 0;
  for (const parent of rest.flatMap((node) => descendants(node)).concat([tree])) {
    if (!('children' in parent)) continue;
    const children = parent.children as Nodes[];
    children.forEach((node, index) => {
      const link = sourceLink(node);
      if (!link) return;
      const previous = index > 0 ? children[index - 1] : undefined;
      if (previous?.type === 'blockquote') return;
      if (previous && (previous.type === 'list' || previous.type === 'paragraph')) {
        edits.push(...quoteLines(text, previous));
        quoted++;
        warnings.push(
          `${file}:${line(previous)}: the ${previous.type} above [Source](…) became a quotation of that work; if it is your own summary, give the link a descriptive text instead.`,
        );
      } else {
        const host = new URL(link.url).hostname.replace(/^www\./, '');
        const label = link.children[0];
        if (label) edits.push({ start: offset(label, 'start'), end: offset(label, 'end'), text: `Source: ${host}` });
      }
    });
  }
  return { edits, warnings, quoted };
}

/** The link, when a paragraph is nothing but `[Source](url)` to a web address. */
function sourceLink(node: Nodes): Link | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  if (content.length !== 1 || only?.type !== 'link' || !/^https?:\/\//i.test(only.url)) return undefined;
  return /^source:?$/i.test(toString(only).trim()) ? only : undefined;
}

/** Edits that turn a block into a block quote: `> ` in front of each of its lines. */
function quoteLines(text: string, node: Nodes): Edit[] {
  const edits: Edit[] = [];
  const end = offset(node, 'end');
  for (let start = lineStart(text, offset(node, 'start')); start < end;) {
    const blank = text[start] === '\n' || text[start] === '\r';
    edits.push({ start, end: start, text: blank ? '>' : '> ', order: 1 });
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return edits;
}
