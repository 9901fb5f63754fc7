import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { expect, it } from 'vitest';
import { rehypeStaticCode } from '../../../src/features/code-blocks/rehype-static-code';

const figure = () =>
  h('figure', { className: ['code'], dataLanguage: 'ts' }, [
    h('button', { type: 'button', className: ['code-copy'], hidden: true }, 'Copy'),
    h('pre', { className: ['astro-code'] }, [h('code', [h('span', { class: 'sh-1' }, 'await'), ' x & y'])]),
  ]);

function run(children: Root['children'], path = 'notes/a.mdx'): Root {
  const tree: Root = { type: 'root', children };
  rehypeStaticCode()(tree, new VFile({ path }));
  return tree;
}

it('turns a block holding a code figure into the node Astro makes of static HTML, with the same HTML', () => {
  const snippet = h('div', { className: ['snippet'], dataSnippetJs: 'console.log("<b>")' }, [figure(), h('output')]);
  const expected = toHtml(snippet);
  const tree = run([h('p', 'Before.'), { type: 'text', value: '\n' }, snippet]);
  expect(tree.children[0]).toMatchObject({ type: 'element', tagName: 'p' });
  expect(tree.children[2]).toEqual({
    type: 'mdxJsxFlowElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: expected }],
    children: [],
  });
  expect(expected).toContain('x &#x26; y');
});

it('leaves a block alone when a later pass of Astro acts on something inside it', () => {
  for (const inside of [h('h2', { id: 'a' }, 'A'), h('img', { src: '/a.png', alt: '' }), h('script')]) {
    const block = h('div', [figure(), inside]);
    expect(run([block]).children[0]).toBe(block);
  }
  const jsx = { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [] } as never;
  const withJsx = h('div', [figure(), jsx]);
  expect(run([withJsx]).children[0]).toBe(withJsx);
});

it('leaves blocks without code, and .md notes, alone', () => {
  const paragraph = h('p', 'Text.');
  expect(run([paragraph]).children[0]).toBe(paragraph);
  const code = figure();
  expect(run([code], 'notes/a.md').children[0]).toBe(code);
});
