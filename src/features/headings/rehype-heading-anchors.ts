import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import { unified } from 'unified';

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4']);

const headingIds = unified().use(rehypeHeadingIds).freeze();

/**
 * Gives every section heading a link to itself, so a reader can copy the
 * address of a section. The link sits next to the heading, not inside it: a
 * screen reader's list of headings, the table of contents and the search
 * results keep reading "C10K", not "C10K, link". Ids come from Astro's own
 * rehypeHeadingIds, run here first; Astro runs it again after every plugin and
 * keeps the ids it finds, so they are exactly the ids Astro gives.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    headingIds.runSync(tree, file);
    const headings: MarkdownHeading[] = file.data.astro?.headings ?? [];
    const textOf = new Map(headings.map((heading) => [heading.slug, heading.text]));
    const wrap = (parent: Root | Element) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child;
        const id = child.properties.id;
        if (!SECTION_HEADINGS.has(child.tagName) || typeof id !== 'string') {
          wrap(child);
          return child;
        }
        return {
          type: 'element',
          tagName: 'div',
          properties: { className: ['heading', `heading-${child.tagName}`] },
          children: [
            child,
            {
              type: 'element',
              tagName: 'a',
              properties: { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: true },
              children: [
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { ariaHidden: 'true' },
                  children: [{ type: 'text', value: '#' }],
                },
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { className: ['visually-hidden'] },
                  children: [{ type: 'text', value: `Section titled “${textOf.get(id) ?? id}”` }],
                },
              ],
            },
          ],
        } satisfies Element;
      });
    };
    wrap(tree);
  };
}
