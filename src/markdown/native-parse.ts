/**
 * Parsing a note with Sätteri, Astro's Markdown parser written in Rust, for every note it parses exactly as
 * remark does. micromark, remark's parser, was a tenth of a build's CPU time (4.8 of ~55 s at 1,000 notes); Sätteri
 * parses the same notes 25 times faster and returns the same mdast, positions included. It gives no estree for MDX
 * expressions, imports or JSX attributes, which the content policy reads and the MDX compiler needs, and its syntax
 * errors read differently; so a note where MDX or HTML syntax could start anywhere outside code goes to remark's own
 * parser, which also reports its syntax errors. Every plugin after the parser is unchanged: they only see mdast.
 */
import type { Code, InlineCode, Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** Where JSX, an expression, ESM or HTML can begin: `<`, `{`, `}`, or a line that starts an import or export. */
const MDX_OR_HTML = /[<{}]|^(?:import|export)\b/gm;

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
 * The [start, end) source offsets of every code block and code span (text there is code in any syntax), or
 * undefined when the tree holds a node outside MARKDOWN_TYPES: such a note is remark's to parse.
 */
function codeRanges(tree: Root): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  const walk = (node: Nodes): boolean => {
    if (!MARKDOWN_TYPES.has(node.type)) return false;
    if (node.type === 'code' || node.type === 'inlineCode') {
      const { start, end } = (node as Code | InlineCode).position ?? {};
      if (start?.offset === undefined || end?.offset === undefined) return false;
      ranges.push([start.offset, end.offset]);
      return true;
    }
    return !('children' in node) || node.children.every(walk);
  };
  return walk(tree) ? ranges : undefined;
}

/** True when `document` has MDX or HTML syntax, or the start of it, outside code. */
function hasSyntaxOutsideCode(document: string, tree: Root): boolean {
  const ranges = codeRanges(tree);
  if (!ranges) return true;
  let next = 0;
  for (const match of document.matchAll(MDX_OR_HTML)) {
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
