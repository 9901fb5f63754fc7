import { readFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { blankFrontmatter, parseNote } from '../../../src/markdown/parse-note';

const FRONTMATTER = '---\ntitle: A note\ndescription: x\n---\n';

/** The node types of a tree, in document order. */
const types = (node: Nodes): string[] => [node.type, ...('children' in node ? node.children.flatMap(types) : [])];

describe('parseNote', () => {
  it('parses MDX and GFM, as the build does, with lines counted from the top of the file', () => {
    const { tree } = parseNote(
      'content/notes/a.mdx',
      `${FRONTMATTER}\nA <abbr title="x">JSX</abbr> word, ~~struck~~.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`,
    );
    expect(types(tree)).toEqual(
      expect.arrayContaining(['mdxJsxTextElement', 'delete', 'table', 'tableRow', 'tableCell']),
    );
    // The frontmatter is blank lines, not a thematic break and a heading.
    expect(tree.children[0]?.type).toBe('paragraph');
    expect(tree.children[0]?.position?.start.line).toBe(6);
    expect(tree.children[1]?.position?.start.line).toBe(8);
  });

  it('names the file, line and column of syntax MDX cannot parse', () => {
    const path = 'tests/fixtures/check-bad-mdx/notes/stray-brace.mdx';
    expect(() => parseNote(path, readFileSync(path, 'utf8'))).toThrow(/stray-brace\.mdx:11:\d+/);
  });

  it('hands back the file a plugin reports through', () => {
    const { file } = parseNote('content/notes/a.mdx', `${FRONTMATTER}\nText.`);
    expect(file.path).toBe('content/notes/a.mdx');
    expect(String(file.value)).toBe(blankFrontmatter(`${FRONTMATTER}\nText.`));
  });
});

describe('blankFrontmatter', () => {
  it('keeps every line break and the body as written', () => {
    const text = `${FRONTMATTER}\n# Title\n`;
    const blanked = blankFrontmatter(text);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(blanked.trimStart()).toBe('# Title\n');
  });

  it('leaves a file without frontmatter alone', () => {
    expect(blankFrontmatter('Just text.\n---\n')).toBe('Just text.\n---\n');
  });
});
