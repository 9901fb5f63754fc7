import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { pageData } from '../../../src/core/page-data';
import { assignHeadingIds } from '../../../src/features/headings/heading-ids';
import { PAGE_CITATIONS } from '../../../src/features/citations/render';
import { rehypeCitations } from '../../../src/features/citations/rehype-citations';

const fixtures = 'tests/fixtures/citations';
const registryFile = `${fixtures}/registry/sources.yaml`;

/**
 * Renders a fixture note the way Astro's content layer does for `.md`: the body
 * without its frontmatter, the parsed frontmatter in `data.astro`.
 */
async function render(name: string, mode: 'remove' | 'empty-with-spaces' = 'remove', registry = registryFile) {
  const path = `${fixtures}/notes/${name}`;
  const { content, frontmatter } = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: mode });
  return renderText(content, { path, frontmatter, registry });
}

/** Markdown through the citation plugin, after heading ids as in src/markdown/pipeline.ts. */
async function renderText(
  markdown: string,
  { path = `${fixtures}/notes/inline.md`, frontmatter = {}, registry = registryFile } = {},
) {
  const file = new VFile({ path, value: markdown, data: { astro: { frontmatter } } });
  const result = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(assignHeadingIds)
    .use(rehypeCitations, { registryFile: registry, sourcesPageHref: (id: string) => `/base/sources/#${id}` })
    .use(rehypeStringify)
    .process(file);
  return { html: String(result.value), citations: pageData(result.data.astro?.frontmatter ?? {}, PAGE_CITATIONS) };
}

async function failure(name: string, registry?: string): Promise<string> {
  try {
    await render(name, 'remove', registry);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} rendered without an error`);
}

describe('citation failures', () => {
  it('an unknown id names file, line, link and the closest id', async () => {
    expect(await failure('unknown-id.md')).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/unknown-id.md:13:1: [Source](source:kegel-c10) cites the unknown source id "kegel-c10". Did you mean "kegel-c10k"? Use an id registered in tests/fixtures/citations/registry/sources.yaml, or register the work there.',
    );
  });

  it('reports the same line whether Astro removes or blanks the frontmatter', async () => {
    const blanked = await render('unknown-id.md', 'empty-with-spaces').catch((error: Error) => error.message);
    expect(blanked).toContain('unknown-id.md:13:1: ');
  });

  it('an unregistered URL names the link and the closest registered source', async () => {
    expect(await failure('unregistered-url.md')).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/unregistered-url.md:9:6: [the Python docs](https://docs.python.org/3/library/asyncio.html) links to https://docs.python.org/3/library/asyncio.html, which is not in the source registry. Register the work in tests/fixtures/citations/registry/sources.yaml (id, title, url, site, kind) and keep the link, or cite a registered work as source:<id>. Closest registered source: "realpython-async-io" (https://realpython.com/async-io-python/).',
    );
  });

  it('a malformed URL in a note says how to write it', async () => {
    expect(await failure('malformed-url.md')).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/malformed-url.md:9:6: [the C10K page](htp://www.kegel.com/c10k.html) is a malformed link: "htp:" is not a web address. Write an absolute http(s) URL (https://…) or cite a registered work as source:<id>.',
    );
  });

  it('a [Source] link with no quote above it is an error, not a bare link', async () => {
    expect(await failure('lone-source.md')).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/lone-source.md:11:1: [Source](http://www.kegel.com/c10k.html) attributes a quotation, but no block quote comes right before it. Put the "> quoted text" directly above it, or give the link a descriptive text.',
    );
  });

  it('an unknown id in frontmatter "sources" names its line', async () => {
    expect(await failure('frontmatter-unknown.md')).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/frontmatter-unknown.md:9: frontmatter "sources" cites the unknown source id "realpython-asyncio". Did you mean "realpython-async-io"? Use an id registered in tests/fixtures/citations/registry/sources.yaml, or register the work there.',
    );
  });

  it('a broken registry fails every note that renders, naming the registry line', async () => {
    expect(await failure('cited.md', `${fixtures}/registry-duplicate-id/sources.yaml`)).toBe(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/registry-duplicate-id/sources.yaml:7: duplicate source id "kegel-c10k" — line 1 already registers it. Give each work its own id, or merge the two entries.',
    );
  });
});

describe('citations on a page', () => {
  it('turns a quote followed by [Source](…) into an attributed quotation', async () => {
    const { html } = await render('cited.md');
    expect(html).toContain(
      '<figure class="quote" data-cites="kegel-c10k"><blockquote cite="http://www.kegel.com/c10k.html">\n<p>It\'s time for web servers to handle ten thousand clients simultaneously</p>\n</blockquote><figcaption>— Dan Kegel, <cite><a href="http://www.kegel.com/c10k.html">The C10K problem</a></cite><sup class="cite-ref" data-pagefind-ignore><a href="#source-kegel-c10k" id="cite-kegel-c10k-2" aria-label="Source 1: The C10K problem">[1]</a></sup></figcaption></figure>',
    );
    expect(html).not.toContain('>Source</a>');
  });

  it('marks citing links, matching URLs across http/https, www and a fragment', async () => {
    const { html } = await render('cited.md');
    expect(html).toContain(
      '<a href="https://kegel.com/c10k.html" class="citation" data-cites="kegel-c10k">whether servers can handle ten thousand clients</a><sup class="cite-ref" data-pagefind-ignore><a href="#source-kegel-c10k" id="cite-kegel-c10k-1" aria-label="Source 1: The C10K problem">[1]</a></sup>',
    );
    // A bare URL shows who wrote what instead of the address.
    expect(html).toContain(
      '<a href="http://python-notes.curiousefficiency.org/en/latest/pep_ideas/async_programming.html#a-bit-of-background-info" class="citation" data-cites="coghlan-async-programming">Some Thoughts on Asynchronous Programming</a> — Nick Coghlan<sup class="cite-ref" data-pagefind-ignore>',
    );
    // source:<id> becomes the registered URL; internal links stay untouched.
    expect(html).toContain('<a href="http://www.kegel.com/c10k.html" class="citation"');
    expect(html).toContain('<a href="/introduction/c10k/">this site\'s intro</a>');
  });

  it('ends the page with a Sources section: back-references, frontmatter-only works, the index link', async () => {
    const { html } = await render('cited.md');
    const section = html.slice(html.indexOf('<section class="page-sources"'));
    expect(section).toBe(
      '<section class="page-sources" aria-labelledby="sources" data-pagefind-ignore><h2 id="sources">Sources</h2><ol class="source-list">' +
        '<li id="source-kegel-c10k" data-cites="kegel-c10k">Dan Kegel, <cite><a href="http://www.kegel.com/c10k.html">The C10K problem</a></cite>. kegel.com, 1999. ' +
        '<a href="#cite-kegel-c10k-1" class="backref" data-pagefind-ignore aria-label="Back to citation 1 of The C10K problem">↩<sup>1</sup></a>' +
        '<a href="#cite-kegel-c10k-2" class="backref" data-pagefind-ignore aria-label="Back to citation 2 of The C10K problem">↩<sup>2</sup></a>' +
        '<a href="#cite-kegel-c10k-3" class="backref" data-pagefind-ignore aria-label="Back to citation 3 of The C10K problem">↩<sup>3</sup></a> ' +
        '<a href="/base/sources/#kegel-c10k" class="source-index-link" data-pagefind-ignore>Where else it is cited</a></li>' +
        '<li id="source-coghlan-async-programming" data-cites="coghlan-async-programming">Nick Coghlan, <cite><a href="http://python-notes.curiousefficiency.org/en/latest/pep_ideas/async_programming.html">Some Thoughts on Asynchronous Programming</a></cite>. Nick Coghlan’s Python Notes. ' +
        '<a href="#cite-coghlan-async-programming-1" class="backref" data-pagefind-ignore aria-label="Back to citation 1 of Some Thoughts on Asynchronous Programming">↩</a> ' +
        '<a href="/base/sources/#coghlan-async-programming" class="source-index-link" data-pagefind-ignore>Where else it is cited</a></li>' +
        '<li id="source-realpython-async-io" data-cites="realpython-async-io">Brad Solomon, <cite><a href="https://realpython.com/async-io-python/">Async IO in Python: A Complete Walkthrough</a></cite>. Real Python. ' +
        '<span class="source-background">(background reading)</span> ' +
        '<a href="/base/sources/#realpython-async-io" class="source-index-link" data-pagefind-ignore>Where else it is cited</a></li>' +
        '</ol></section>',
    );
  });

  it('records each citing place with its section for the Sources page', async () => {
    const { citations } = await render('cited.md');
    expect(citations).toEqual({
      sectionSlug: 'sources',
      works: [
        {
          id: 'kegel-c10k',
          places: [
            { anchor: 'cite-kegel-c10k-1', section: null },
            { anchor: 'cite-kegel-c10k-2', section: { slug: 'c10k', text: 'C10K' } },
            { anchor: 'cite-kegel-c10k-3', section: { slug: 'background', text: 'Background' } },
          ],
        },
        {
          id: 'coghlan-async-programming',
          places: [{ anchor: 'cite-coghlan-async-programming-1', section: { slug: 'background', text: 'Background' } }],
        },
        { id: 'realpython-async-io', places: [] },
      ],
    });
  });
});

describe('the Sources heading', () => {
  it('takes an id no element of the page has, as the section link and in the page data', async () => {
    const plain = await renderText('[the C10K page](source:kegel-c10k)\n');
    expect(plain.html).toContain(
      '<section class="page-sources" aria-labelledby="sources" data-pagefind-ignore><h2 id="sources">',
    );

    const tree = fromHtml(
      '<h2 id="sources">Sources</h2><p id="sources-1">Taken too.</p><p><a href="source:kegel-c10k">C10K</a></p>',
      { fragment: true },
    );
    const file = new VFile({ path: `${fixtures}/notes/inline.md`, data: { astro: { frontmatter: {} } } });
    rehypeCitations({ registryFile, sourcesPageHref: (id: string) => `/sources/#${id}` })(tree, file);
    const html = unified().use(rehypeStringify).stringify(tree);
    expect(html).toContain(
      '<section class="page-sources" aria-labelledby="sources-2" data-pagefind-ignore><h2 id="sources-2">Sources</h2>',
    );
    expect(pageData(file.data.astro?.frontmatter ?? {}, PAGE_CITATIONS)?.sectionSlug).toBe('sources-2');
  });
});

describe('citations in MDX', () => {
  it('rejects an external link written as JSX, which would bypass the registry', async () => {
    const path = `${fixtures}/notes/jsx-link.mdx`;
    const { content, frontmatter } = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: 'empty-with-spaces' });
    const file = new VFile({ path, value: content, data: { astro: { frontmatter } } });
    const compiled = compile(file, {
      rehypePlugins: [[rehypeCitations, { registryFile, sourcesPageHref: (id: string) => `/sources/#${id}` }]],
    });
    await expect(compiled).rejects.toThrow(
      'A citation needs fixing:\n' +
        'tests/fixtures/citations/notes/jsx-link.mdx:9:6: <a href="https://example.org/unregistered"> is an external link written as JSX, which the citation check cannot follow. Write it as a Markdown link, [text](https://example.org/unregistered), so it resolves against the registry.',
    );
  });
});
