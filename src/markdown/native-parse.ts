/**
 * Parsing a note with Sätteri, Astro's Markdown parser written in Rust, wherever it builds the tree remark builds.
 * micromark, remark's parser, was a tenth of a build's CPU time (4.8 of ~55 s at 1,000 notes); Sätteri parses the
 * same notes 25 times faster into the same mdast. It gives no estree for MDX expressions, imports or JSX attributes,
 * which the content policy reads and the MDX compiler needs, and its syntax errors read differently; and fuzzing
 * finds corners where the two build different trees. So a note where MDX or HTML syntax could start outside code, or
 * that touches one of those corners, goes to remark's own parser (REMARK_SYNTAX, codeRanges), which also reports its
 * syntax errors. Every plugin after the parser is unchanged: they only see mdast.
 *
 * What still differs: random documents made of the syntax's sharpest pieces build a different tree about once in
 * 30,000 (tests/unit/markdown/native-parse.test.ts), and positions differ where no message points (a task item's
 * paragraph starts after its box; an unclosed fence in a list or quote ends a line earlier). The site's notes and
 * the generated ones build remark's tree exactly, positions included.
 */
import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/**
 * What remark is to parse, outside code:
 * - where JSX, an expression, ESM or HTML can begin: `<`, `{`, `}`, a line that starts an import or export;
 * - corners where fuzzing found the two parsers building different trees (about one random document in a thousand
 *   made of the syntax's sharpest pieces): an emphasis or strikethrough mark next to a non-ASCII character, whose
 *   Unicode class decides whether it opens or closes (`~🙂~x`); `*`, `_` and `~` runs mixed or escaped (`_**s*`,
 *   `\**s**`); a task item's box alone on its line; a footnote definition indented or glued to another.
 */
const REMARK_SYNTAX = new RegExp(
  [
    String.raw`[<{}]|^(?:import|export)\b`,
    String.raw`[*_~][^\x00-\x7F]|[^\x00-\x7F][*_~]`,
    String.raw`\*[_~]|_[*~]|~[*_]|\\[*_][*_]`,
    String.raw`^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+\[[ xX]\][ \t\r]*$`,
    String.raw`[ \t]\[\^[^\]\n]*\]:|\]:!?\[\^`,
  ].join('|'),
  'gmu',
);

/**
 * The node types of CommonMark and GFM without HTML: the only ones remark-parse with remark-gfm builds from a note
 * free of MDX and HTML syntax. Any other (YAML or TOML frontmatter, math, directives, should a Sätteri default
 * change) sends the note to remark.
 */
const MARKDOWN_TYPES: ReadonlySet<string> = new Set([
  ...['root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'code', 'definition'],
  ...['text', 'emphasis', 'strong', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference'],
  ...['table', 'tableRow', 'tableCell', 'delete', 'footnoteDefinition', 'footnoteReference'],
]);

/**
 * What can start a GFM autolink literal (`www.`, a scheme, an email address). Sätteri and remark draw some of their
 * edges differently (`www.` alone, `[me@example.org`, `http://.x`), so a literal Sätteri linked, and text outside
 * links that holds one, are remark's. Inside a link's text neither links a literal.
 */
const AUTOLINK_LITERAL = /www\.|:\/\/|@|mailto:|xmpp:/i;

/**
 * The [start, end) source offsets of every code block and code span (text there is code in any syntax), or
 * undefined when remark is to parse the note: the tree holds a node outside MARKDOWN_TYPES, an autolink literal, or
 * text outside links that could be one.
 */
function codeRanges(document: string, tree: Root): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  const walk = (node: Nodes, inLink: boolean): boolean => {
    if (!MARKDOWN_TYPES.has(node.type)) return false;
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return false;
    if (node.type === 'text' && !inLink && AUTOLINK_LITERAL.test(node.value)) return false;
    // A link written as Markdown starts with its `[`; one that does not is an autolink literal.
    if (node.type === 'link' && document[start.offset] !== '[') return false;
    if (node.type === 'code' || node.type === 'inlineCode') {
      ranges.push([start.offset, end.offset]);
      return true;
    }
    const linked = inLink || node.type === 'link' || node.type === 'linkReference';
    return !('children' in node) || node.children.every((child) => walk(child, linked));
  };
  return walk(tree, false) ? ranges : undefined;
}

/** True when `document` has REMARK_SYNTAX outside code, or a tree remark is to build (see codeRanges). */
function hasSyntaxOutsideCode(document: string, tree: Root): boolean {
  const ranges = codeRanges(document, tree);
  if (!ranges) return true;
  let next = 0;
  for (const match of document.matchAll(REMARK_SYNTAX)) {
    // Matches and ranges both come in document order.
    while (next < ranges.length && ranges[next]![1] <= match.index) next++;
    const range = ranges[next];
    if (!range || match.index < range[0]) return true;
  }
  return false;
}

/** Sätteri's tree of a `.md` or `.mdx` note when it is the tree remark would build, else undefined. */
export function nativeTree(document: string, format: 'md' | 'mdx'): Root | undefined {
  let tree: Root;
  try {
    tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(document, {
      features: { gfm: true, frontmatter: false },
    }) as Root;
  } catch {
    return undefined;
  }
  return hasSyntaxOutsideCode(document, tree) ? undefined : tree;
}

const formatOf = (file: VFile) => (file.extname === '.mdx' ? 'mdx' : file.extname === '.md' ? 'md' : undefined);

/**
 * The unified plugin: parses with Sätteri where it builds remark's tree, else with the parser remark-parse set.
 * Its GFM is remark-gfm's defaults, which the pipeline uses.
 */
export function remarkNativeParse(this: Processor) {
  const remarkParser = this.parser;
  if (!remarkParser) throw new Error('remarkNativeParse goes after remark-parse, whose parser it falls back to');
  this.parser = (document, file) => {
    const format = formatOf(file);
    return (format && nativeTree(document, format)) || remarkParser(document, file);
  };
}
