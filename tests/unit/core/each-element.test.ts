import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { expect, it } from 'vitest';
import { eachElement } from '../../../src/core/each-element';

/** A note's tree after Shiki: text, nested elements, and a JSX element holding hast. */
function tree(): Root {
  const jsx = { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [h('p', [h('em', 'x')])] };
  return {
    type: 'root',
    children: [
      h('h2', { id: 'a' }, 'A'),
      { type: 'text', value: '\n' },
      h('pre', [h('code', [h('span', { class: 'sh-1' }, 'let'), h('span', ' x')])]),
      jsx as unknown as Element,
      h('p', ['b ', h('a', { href: '/c/' }, [h('code', 'c')])]),
    ],
  };
}

const walk = (root: Root, each: (node: Element, index: number, parent: Root | Element) => boolean | void) => {
  const seen: string[] = [];
  eachElement(root, (node, index, parent) => {
    seen.push(`${node.tagName}@${index} in ${'tagName' in parent ? parent.tagName : parent.type}`);
    return each(node, index, parent);
  });
  return seen;
};

it('visits every element with its index and parent, in the order unist-util-visit does', () => {
  const expected: string[] = [];
  visit(tree(), 'element', (node, index, parent) => {
    expected.push(`${node.tagName}@${index} in ${parent && 'tagName' in parent ? parent.tagName : parent?.type}`);
  });
  expect(walk(tree(), () => undefined)).toEqual(expected);
  expect(expected).toContain('em@0 in p');
});

it('goes on into the children of an element the callback replaced, as unist-util-visit does', () => {
  const root = tree();
  const seen = walk(root, (node, index, parent) => {
    if (node.tagName === 'pre') parent.children[index] = h('figure', [node]);
  });
  expect(seen).toContain('span@0 in code');
  expect(root.children[2]).toMatchObject({ tagName: 'figure' });
});

it('skips the children of an element when the callback returns false', () => {
  const seen = walk(tree(), (node) => node.tagName !== 'pre');
  expect(seen).toContain('pre@2 in root');
  expect(seen.filter((entry) => entry.startsWith('span'))).toEqual([]);
  expect(seen).toContain('em@0 in p');
});
