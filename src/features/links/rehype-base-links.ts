import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../../core/urls';

/**
 * Notes link to each other by site path, `[C10K](/introduction/c10k/#c10k)`, the
 * same wherever the site is served. This puts the base path in front
 * (`/asyncio-notes/introduction/c10k/` on GitHub Pages), so a contributor never
 * writes the base and the links survive a move.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
        if (value === base.slice(0, -1) || value.startsWith(base)) continue;
        node.properties[attribute] = withBase(value, base);
      }
    });
  };
}
