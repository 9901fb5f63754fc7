import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { assignHeadingIds } from '../../../src/features/headings/heading-ids';
import { rehypeHeadingAnchors } from '../../../src/features/headings/rehype-heading-anchors';

/** Astro's heading ids (first in the pipeline), the plugin, then Astro's own pass again, as a real build runs them. */
function render(html: string): { html: string; headings: unknown } {
  const file = new VFile({ path: 'note.md' });
  const tree = fromHtml(html, { fragment: true });
  const processor = unified()
    .use(assignHeadingIds)
    .use(rehypeHeadingAnchors)
    .use(rehypeHeadingIds)
    .use(rehypeStringify);
  return { html: processor.stringify(processor.runSync(tree, file)), headings: file.data.astro?.headings };
}

describe('rehypeHeadingAnchors', () => {
  it('puts a link to each section heading beside it, with the id Astro gives', () => {
    expect(render('<h2>The C10K problem</h2><p>Text</p><h3 id="kept">Kept <code>id</code></h3>').html).toBe(
      '<div class="heading heading-h2"><h2 id="the-c10k-problem">The C10K problem</h2>' +
        '<a class="heading-anchor" href="#the-c10k-problem" data-pagefind-ignore><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Section titled “The C10K problem”</span></a></div><p>Text</p>' +
        '<div class="heading heading-h3"><h3 id="kept">Kept <code>id</code></h3>' +
        '<a class="heading-anchor" href="#kept" data-pagefind-ignore><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Section titled “Kept id”</span></a></div>',
    );
  });

  it('keeps the headings Astro lists (table of contents, search) free of the link text', () => {
    expect(render('<h2>One</h2><section><h2>One</h2></section>').headings).toEqual([
      { depth: 2, slug: 'one', text: 'One' },
      { depth: 2, slug: 'one-1', text: 'One' },
    ]);
  });

  it('names a heading added after the ids were assigned by its text', () => {
    const file = new VFile({ path: 'note.md', data: { astro: { headings: [] } } });
    const tree = fromHtml('<h2 id="sources">Sources</h2>', { fragment: true });
    rehypeHeadingAnchors()(tree, file);
    expect(unified().use(rehypeStringify).stringify(tree)).toContain(
      '<span class="visually-hidden">Section titled “Sources”</span>',
    );
  });

  it('leaves the page title and minor headings alone', () => {
    const { html } = render('<h1>Title</h1><h5>Small</h5>');
    expect(html).not.toContain('heading-anchor');
  });
});
