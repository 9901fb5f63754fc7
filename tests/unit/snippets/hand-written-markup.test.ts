import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { ContentError } from '../../../src/core/content-error';
import { handWrittenSnippetMarkup } from '../../../src/features/snippets/hand-written-markup';
import { remarkRunnableSnippets } from '../../../src/features/snippets/remark-runnable-snippets';

const FIXTURES = 'tests/fixtures/snippets/hand-written';

function parse(path: string): Root {
  const processor = path.endsWith('.mdx') ? unified().use(remarkParse).use(remarkMdx) : unified().use(remarkParse);
  return processor.parse(readFileSync(path, 'utf8')) as Root;
}

describe('snippet markup written by hand fails the build', () => {
  test('raw HTML in a .md note, with file:line', () => {
    const file = `${FIXTURES}/raw-html.md`;
    expect(handWrittenSnippetMarkup(parse(file), file).map(({ line }) => line)).toEqual([7]);
  });

  test('JSX in an .mdx note: attributes, inline elements and spread attributes, but not a look-alike class', () => {
    const file = `${FIXTURES}/jsx.mdx`;
    expect(handWrittenSnippetMarkup(parse(file), file).map(({ line, column }) => `${line}:${column}`)).toEqual([
      '7:1',
      '9:8',
      '11:1',
    ]);
  });

  test('the remark plugin throws a ContentError naming file:line and what to write instead', async () => {
    const path = `${process.cwd()}/${FIXTURES}/raw-html.md`;
    const file = new VFile({ path, value: readFileSync(path, 'utf8') });
    const processor = unified().use(remarkParse).use(remarkRunnableSnippets);
    const run = processor.run(processor.parse(file), file);
    await expect(run).rejects.toBeInstanceOf(ContentError);
    await expect(run).rejects.toThrow(
      /tests\/fixtures\/snippets\/hand-written\/raw-html\.md:7:1: snippet markup written by hand .* Write a ```ts run block followed by its ```text output block instead\./,
    );
  });
});
