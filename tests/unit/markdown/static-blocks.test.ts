import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { expect, it } from 'vitest';
import { rehypeStaticBlocks } from '../../../src/markdown/static-blocks';

const figure = () =>
  h('figure', { className: ['code'], dataLanguage: 'ts' }, [
    h('button', { type: 'button', className: ['code-copy'], hidden: true }, 'Copy'),
    h('pre', { className: ['astro-code'] }, [h('code', [h('span', { class: 'sh-1' }, 'await'), ' x & y'])]),
  ]);

function run(children: Root['children'], path = 'notes/a.mdx'): Root {
  const tree: Root = { type: 'root', children };
  rehypeStaticBlocks()(tree, new VFile({ path }));
  return tree;
}

const staticHtml = (html: string) => ({
  type: 'mdxJsxFlowElement',
  name: 'Fragment',
  attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
  children: [],
});

it('turns each top-level block into the node Astro makes of static HTML, with the same HTML', () => {
  const snippet = h('div', { className: ['snippet'], dataSnippetJs: 'console.log("<b>")' }, [figure(), h('output')]);
  const paragraph = h('p', ['Before ', h('a', { href: '/c10k/' }, 'C10K'), { type: 'comment', value: ' note ' }]);
  const tree = run([paragraph, { type: 'text', value: '\n' }, snippet]);
  expect(tree.children).toEqual([
    staticHtml(toHtml(paragraph)),
    { type: 'text', value: '\n' },
    staticHtml(toHtml(snippet)),
  ]);
  expect(toHtml(snippet)).toContain('x &#x26; y');
});

it('leaves a block alone when a later pass of Astro acts on something inside it', () => {
  for (const inside of [h('h2', { id: 'a' }, 'A'), h('img', { src: '/a.png', alt: '' }), h('script')]) {
    const block = h('div', [figure(), inside]);
    expect(run([block]).children[0]).toBe(block);
  }
  const jsx = { type: 'mdxJsxTextElement', name: 'Aside', attributes: [], children: [] } as never;
  const withJsx = h('p', ['Text ', jsx]);
  expect(run([withJsx]).children[0]).toBe(withJsx);
});

it('leaves .md notes alone', () => {
  const code = figure();
  expect(run([code], 'notes/a.md').children[0]).toBe(code);
});
