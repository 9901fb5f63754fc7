/**
 * Job 2: what Markdown allows and MDX reads as code gets its MDX spelling:
 * `{ } <` in prose are escaped, a paragraph that starts with `import ` or
 * `export ` is kept as prose, `<url>` autolinks become links, HTML comments
 * become MDX comments and indented code is fenced. Counts what the note holds
 * on the way.
 */
import type { Link, Nodes, Paragraph, RootContent } from 'mdast';
import { descendants, lineStart, line, offset, type Edit } from './markdown';

export interface MdxSpelling {
  edits: Edit[];
  warnings: string[];
  links: Link[];
  counts: { quotes: number; tables: number; codeBlocks: number };
}

export function spellForMdx(text: string, rest: RootContent[], file: string): MdxSpelling {
  const edits: Edit[] = [];
  const warnings: string[] = [];
  const links: Link[] = [];
  const counts = { quotes: 0, tables: 0, codeBlocks: 0 };
  for (const node of rest.flatMap((child) => descendants(child))) {
    switch (node.type) {
      case 'text':
        edits.push(...escapeBraces(text, node));
        break;
      case 'paragraph':
        edits.push(...keepAsProse(text, node));
        break;
      case 'link':
        links.push(node);
        // MDX has no `<https://…>` autolinks (`<` starts a component): spell them as links.
        if (text[offset(node, 'start')] === '<') {
          edits.push({ start: offset(node, 'start'), end: offset(node, 'end'), text: `[${node.url}](${node.url})` });
        }
        break;
      case 'code':
        counts.codeBlocks++;
        // MDX has no indented code blocks: fence them.
        if (!/^ {0,3}(`{3,}|~{3,})/.test(text.slice(lineStart(text, offset(node, 'start'))))) {
          edits.push({
            start: offset(node, 'start'),
            end: offset(node, 'end'),
            text: `\`\`\`${node.lang ?? ''}\n${node.value}\n\`\`\``,
          });
        }
        break;
      case 'html':
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) {
          // MDX comments are expressions; an HTML comment does not compile.
          const inner = node.value.trim().slice(4, -3).replaceAll('*/', '* /');
          edits.push({ start: offset(node, 'start'), end: offset(node, 'end'), text: `{/*${inner}*/}` });
        } else {
          warnings.push(
            `${file}:${line(node)}: raw HTML kept as written; MDX reads it as a component, so close every tag (<br />) or write it in Markdown.`,
          );
        }
        break;
      case 'blockquote':
        counts.quotes++;
        break;
      case 'table':
        counts.tables++;
        break;
    }
  }
  return { edits, warnings, links, counts };
}

/** Backslash-escapes `{`, `}` and `<` in a text node's source, which MDX would read as code. */
function escapeBraces(text: string, node: Nodes): Edit[] {
  const start = offset(node, 'start');
  const end = offset(node, 'end');
  const edits: Edit[] = [];
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (char === '\\') {
      i++; // already escaped
      continue;
    }
    if (char === '{' || char === '}' || char === '<') edits.push({ start: i, end: i, text: '\\' });
  }
  return edits;
}

/**
 * MDX reads a block that starts at the first column with `import ` or
 * `export ` as JavaScript (an ES module statement), so a sentence such as
 * "export the variable first" would not compile. Its first letter becomes a
 * character reference, which MDX reads as that letter in prose.
 */
function keepAsProse(text: string, paragraph: Paragraph): Edit[] {
  const start = offset(paragraph, 'start');
  if (paragraph.position?.start.column !== 1 || !/^(?:import|export) /.test(text.slice(start, start + 7))) return [];
  return [{ start, end: start + 1, text: `&#x${text.charCodeAt(start).toString(16)};` }];
}
