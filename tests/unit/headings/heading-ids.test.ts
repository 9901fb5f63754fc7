import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { pageData } from '../../../src/core/page-data';
import { PAGE_CITATIONS } from '../../../src/features/citations/render';
import { codeStyleClasses } from '../../../src/features/code-blocks/shiki-style-classes';
import { rehypePlugins, remarkPlugins } from '../../../src/markdown/pipeline';

// The site's whole pipeline, inside the processor Astro builds around it: Astro appends its own rehypeHeadingIds
// after our plugins, so this checks that the second pass changes no id the first one gave.
const state = { codeStyles: codeStyleClasses() };
const processor = await createMarkdownProcessor({
  remarkPlugins: remarkPlugins(state),
  rehypePlugins: rehypePlugins(state),
  gfm: false,
  smartypants: false,
  syntaxHighlight: false,
});

const note = `## Overview

Dan Kegel asked [whether servers can handle ten thousand clients](source:kegel-c10k).

> ## Overview

## Overview

### The \`gather\` call

Table: Models compared [#models]

| Name    | CPUs |
| ------- | ---- |
| Threads | 1    |

More prose.

## Sources
`;

describe('heading ids, assigned once', () => {
  it('are the ids Astro lists, unchanged by its second pass, for every heading including the appended Sources', async () => {
    const { code, metadata } = await processor.render(note, {
      fileURL: new URL('../../../content/notes/sample.md', import.meta.url),
    });
    const inHtml = [...code.matchAll(/<h([1-6]) id="([^"]+)"/g)].map((match) => match[2]);
    expect(inHtml).toEqual(['overview', 'overview-1', 'overview-2', 'the-gather-call', 'sources', 'sources-1']);
    expect(metadata.headings.map((heading) => heading.slug)).toEqual(inHtml);
    expect(metadata.headings.at(-1)).toEqual({ depth: 2, slug: 'sources-1', text: 'Sources' });
    // Every later plugin read those ids: the heading links, the citation's section on the Sources page.
    expect(code).toContain('<a class="heading-anchor" href="#overview-2"');
    expect(code).toContain('<section class="page-sources" aria-labelledby="sources-1" data-pagefind-ignore="">');
    const citations = pageData(metadata.frontmatter, PAGE_CITATIONS);
    expect(citations?.sectionSlug).toBe('sources-1');
    expect(citations?.works[0]?.places[0]?.section).toEqual({ slug: 'overview', text: 'Overview' });
    expect(new Set(code.match(/ id="[^"]+"/g)).size).toBe(code.match(/ id="[^"]+"/g)?.length);
  });
});
