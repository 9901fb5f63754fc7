import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../../src/features/links/rehype-base-links';

const link = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });

function rewrite(base: string, hrefs: string[]): unknown[] {
  const tree: Root = { type: 'root', children: hrefs.map(link) };
  rehypeBaseLinks({ base })(tree);
  return tree.children.map((node) => (node as Element).properties.href);
}

describe('rehypeBaseLinks', () => {
  it('puts the base path in front of site paths', () => {
    expect(rewrite('/asyncio-notes/', ['/introduction/c10k/#c10k', '/sources/', '/'])).toEqual([
      '/asyncio-notes/introduction/c10k/#c10k',
      '/asyncio-notes/sources/',
      '/asyncio-notes/',
    ]);
  });

  it('leaves relative, external, fragment, protocol-relative and already-based links alone', () => {
    const untouched = ['../c10k/', 'https://example.org/', '#top', '//cdn.example/x', '/asyncio-notes/sources/'];
    expect(rewrite('/asyncio-notes', untouched)).toEqual(untouched);
  });

  it('changes nothing when the site is served from the root', () => {
    expect(rewrite('/', ['/introduction/c10k/'])).toEqual(['/introduction/c10k/']);
  });
});
