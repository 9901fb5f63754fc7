import { describe, expect, test } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { remarkRunnableSnippets } from '../../../src/features/snippets/remark-runnable-snippets';

async function transform(markdown: string): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkRunnableSnippets);
  const file = new VFile({ path: `${process.cwd()}/content/notes/example.md`, value: markdown });
  return (await processor.run(processor.parse(file), file)) as Root;
}

const SNIPPET = [
  'Intro.',
  '',
  '```ts run title="Typed"',
  'interface Point { x: number }',
  'const p: Point = { x: 1 };',
  'console.log(p.x as number);',
  '```',
  '',
  '```text output',
  '1',
  '```',
].join('\n');

describe('remarkRunnableSnippets', () => {
  test('wraps code and expected output, with the JavaScript transpiled at build time', async () => {
    const tree = await transform(SNIPPET);
    const [intro, snippet] = tree.children;
    expect(intro?.type).toBe('paragraph');
    expect(snippet?.type).toBe('runnableSnippet');
    if (snippet?.type !== 'runnableSnippet') return;
    const properties = snippet.data?.hProperties as Record<string, unknown>;
    expect(properties['ariaLabel']).toBe('Runnable example: Typed');
    // Types are gone, and each statement stays on its own line.
    expect(properties['dataSnippetJs']).toBe('\nconst p = { x: 1 };\nconsole.log(p.x );');
    const kind = (child: (typeof snippet.children)[number]) =>
      child.type === 'code' ? `code:${child.lang}` : String(child.data?.hProperties?.['className']);
    expect(snippet.children.map(kind)).toEqual([
      'snippet-title',
      'code:ts',
      'snippet-toolbar',
      'snippet-output',
      'snippet-expected',
    ]);
    // The expected output is shown but never indexed: search excerpts show the code.
    const expected = snippet.children.at(-1);
    expect(expected?.data?.hProperties?.['dataPagefindIgnore']).toBe(true);
    expect(expected?.type === 'runnableSnippet' && expected.children.map(kind)).toEqual(['snippet-label', 'code:text']);
  });

  test('a snippet that does not parse fails the build at its file, line and column', async () => {
    const broken = SNIPPET.replace('const p: Point = { x: 1 };', 'const p: Point = { x: 1 ;');
    await expect(transform(broken)).rejects.toThrow(
      /^A runnable snippet needs fixing:\ncontent\/notes\/example\.md:5:\d+: the snippet does not parse as TypeScript: /,
    );
  });

  test('documents without snippets are left alone', async () => {
    const tree = await transform('```ts\nconst a = 1;\n```\n');
    expect(tree.children.map((node) => node.type)).toEqual(['code']);
  });
});
