/**
 * A note as the build parses it, for every tool that reads notes outside the build (`npm run check`'s content
 * policy, the importer, the doctests): one definition of the syntax, so none of them builds its own parser.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { ContentError } from '../core/content-error';

/**
 * What a note may write beyond CommonMark and MDX: GitHub-flavoured Markdown. The first of the build's remark
 * plugins (pipeline.ts); the MDX compiler brings remark-parse and remark-mdx itself.
 */
export const noteSyntax: PluggableList = [remarkGfm];

/**
 * The file with its frontmatter replaced by spaces, line breaks kept: Markdown reads blank lines, and every position
 * stays the file's. Done by hand, not with Astro's parseFrontmatter, so that YAML errors stay the frontmatter
 * check's to report.
 */
export function blankFrontmatter(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(noteSyntax).freeze();

/**
 * The syntax tree of the note file at `path` (relative to the project, as messages name it) whose text is `text`,
 * positions counted from the top of the file, and the VFile a plugin run on that tree reports through. Syntax MDX
 * cannot parse throws a ContentError at its file:line:column.
 */
export function parseNote(path: string, text: string): { tree: Root; file: VFile } {
  const file = new VFile({ path, value: blankFrontmatter(text) });
  try {
    return { tree: parser.parse(file), file };
  } catch (error) {
    // The parser's VFileMessage: its reason, and where.
    const { reason, line, column } = error as { reason?: unknown; line?: number; column?: number };
    if (typeof reason !== 'string') throw error;
    throw new ContentError('MDX syntax problem', [{ file: path, line, column, message: reason }], {
      hint: 'In MDX, `{` starts an expression and `<` a tag: write \\{ or \\< for the character itself.',
    });
  }
}
