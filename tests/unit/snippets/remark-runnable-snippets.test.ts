import { describe, expect, test } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import {
  remarkRunnableSnippets,
  type RunnableSnippetNode,
} from '../../../src/features/snippets/remark-runnable-snippets';

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
    // Types are gone, each statement stays on its own line, and the map of moved columns comes last.
    expect(properties['dataSnippetJs']).toBe(
      '\nconst p = { x: 1 };\nconsole.log(p.x );\n//# columns={"2":[8,15],"3":[17,26]}',
    );
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

  const PYTHON = ['```python run tabs title="Py"', 'print(1)', '```', '', '```text output', '1', '```', ''].join('\n');
  const TS = ['```ts run title="Ts"', 'console.log(1);', '```', '', '```text output', '1', '```', ''].join('\n');

  test('a Python snippet runs its code block as shown (no JavaScript) and pairs with the next TypeScript snippet as tabs', async () => {
    const tree = await transform(`${PYTHON}\n${TS}`);
    expect(tree.children).toHaveLength(1);
    const tabs = tree.children[0] as RunnableSnippetNode;
    expect(tabs.data?.hProperties).toMatchObject({ className: ['snippet-tabs'], dataSnippetTabs: '' });
    const [python, typescript] = tabs.children.map(
      (panel) => (panel as RunnableSnippetNode).children[0] as RunnableSnippetNode,
    );
    expect(python!.data?.hProperties).toMatchObject({ ariaLabel: 'Runnable example: Py', dataSnippetLang: 'python' });
    expect(python!.data?.hProperties).not.toHaveProperty('dataSnippetJs');
    expect(typescript!.data?.hProperties).toMatchObject({
      ariaLabel: 'Runnable example: Ts',
      dataSnippetJs: 'console.log(1);',
    });
  });

  test('tabs without a TypeScript snippet after the Python one, or on a TypeScript block, fail at file:line', async () => {
    await expect(transform(PYTHON)).rejects.toThrow(
      /^A runnable snippet needs fixing:\ncontent\/notes\/example\.md:1: this ```python run tabs block must be followed, right after its ```text output block, by the ```ts run block it is paired with\.$/,
    );
    await expect(transform(TS.replace('ts run', 'ts run tabs'))).rejects.toThrow(
      /^A runnable snippet needs fixing:\ncontent\/notes\/example\.md:1: `tabs` goes on the ```python run block/,
    );
    await expect(transform(PYTHON.replace('python', 'ruby'))).rejects.toThrow(
      /^A runnable snippet needs fixing:\ncontent\/notes\/example\.md:1: runnable snippets are TypeScript or Python: write ```ts run or ```python run instead of ```ruby run\.$/,
    );
  });
});
