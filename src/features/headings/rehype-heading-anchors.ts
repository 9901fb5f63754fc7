import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Gives every section heading a link to itself, so a reader can copy the
 * address of a section. The link sits next to the heading, not inside it: a
 * screen reader's list of headings, the table of contents and the search
 * results keep reading "C10K", not "C10K, link". Ids are the ones
 * assignHeadingIds gave, first in the pipeline (src/markdown/pipeline.ts).
 */
export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    // A heading's text as Astro's table of contents shows it (MDX expressions resolved); a heading added after the
    // ids were assigned, such as the citations' "Sources", is not listed there and reads as written.
    const listed = new Map((file.data.astro?.headings ?? []).map((heading) => [heading.slug, heading.text]));
    const wrap = (parent: Root | Element) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child;
        const id = child.properties.id;
        if (!SECTION_HEADINGS.has(child.tagName) || typeof id !== 'string') {
          wrap(child);
          return child;
        }
        return h('div', { className: ['heading', `heading-${child.tagName}`] }, [
          child,
          h('a', { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: true }, [
            h('span', { ariaHidden: 'true' }, '#'),
            h('span', { className: ['visually-hidden'] }, `Section titled “${listed.get(id) ?? toString(child)}”`),
          ]),
        ]);
      });
    };
    wrap(tree);
  };
}
