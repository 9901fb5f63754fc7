import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;

/**
 * Astro's rehypeHeadingIds, first in the pipeline, so every later plugin reads `properties.id` instead of computing
 * it. A plugin of its own rather than Astro's function listed directly: unified attaches a plugin once, at its first
 * `use`, so listing Astro's function would silently drop the pass Astro appends after every plugin — the one that
 * lists, for the table of contents, the headings our plugins add (the citations' "Sources"). That pass keeps every
 * id it finds, so the ids stay those given here.
 *
 * Astro's pass walks the whole tree, node by node, to find the headings; here it gets the headings alone, in
 * document order (a heading inside another one stays inside it, for Astro's walk to find), and gives them the ids
 * and the list it would have given: the same slugs, counted in the same order.
 */
export function assignHeadingIds() {
  // Astro's transformer runs synchronously and returns nothing.
  const assign = rehypeHeadingIds() as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    const headings: Element[] = [];
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      headings.push(node);
      return SKIP;
    });
    assign({ type: 'root', children: headings }, file);
  };
}
