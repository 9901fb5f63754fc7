import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkComparisonTables } from '../../../src/features/tables/remark-comparison-tables';
import { TABLES_FRONTMATTER_KEY } from '../../../src/features/tables/table-ids-of-page';

const processor = await createMarkdownProcessor({
  remarkPlugins: [remarkGfm, remarkComparisonTables],
  gfm: false,
  smartypants: false,
  syntaxHighlight: false,
});

/** The rendered HTML without the line breaks the stringifier puts between table elements. */
async function render(markdown: string) {
  const { code, metadata } = await processor.render(markdown, {
    fileURL: new URL('../../../content/notes/sample.md', import.meta.url),
  });
  return { code: code.replace(/>\n</g, '><'), metadata };
}

const seed = `## Compared

Table: Processes, threads and asyncio compared [#concurrency-models]

| Name      | Python Standard Library | CPUs                   |
| --------- | ----------------------- | ---------------------- |
| Processes | \`multiprocessing\`       | many                   |
| Threads   | \`threading\`             | 1 (because of the GIL) |
`;

describe('remark-comparison-tables', () => {
  it('renders caption, header scopes, row anchors and the search hooks', async () => {
    const { code, metadata } = await render(seed);
    expect(code).toContain(
      '<div class="comparison-table" data-comparison-table="" data-pagefind-filter="type:Comparison tables"><div class="table-scroll" role="region" tabindex="0" aria-labelledby="concurrency-models-caption"><table id="concurrency-models" data-pagefind-title="Processes, threads and asyncio compared"><caption id="concurrency-models-caption"><span class="caption-text">Processes, threads and asyncio compared </span></caption>',
    );
    // Each cell carries its column's name for search, so the header row is left out of the index.
    expect(code).toContain(
      '<thead data-pagefind-ignore=""><tr><th scope="col">Name </th><th scope="col">Python Standard Library </th>',
    );
    expect(code).toContain(
      '<tr id="concurrency-models-threads" data-pagefind-title="Threads — Processes, threads and asyncio compared"><th scope="row" data-pagefind-index-attrs="data-column" data-column="Name:">Threads </th><td data-pagefind-index-attrs="data-column" data-column="Python Standard Library:"><code>threading</code> </td><td data-pagefind-index-attrs="data-column" data-column="CPUs:">1 (because of the GIL) </td></tr>',
    );
    expect(code).not.toContain('Table:');
    expect(metadata.frontmatter[TABLES_FRONTMATTER_KEY]).toEqual(['concurrency-models']);
  });

  it('marks where the prose resumes after a table, so search does not credit it to the last row', async () => {
    const { code } = await render(`${seed}\nMore prose about the GIL.\n`);
    expect(code).toContain(
      '</table></div></div><div id="concurrency-models-end" data-pagefind-title="Compared"></div><p>More prose about the GIL.</p>',
    );
    const followedByHeading = await render(`${seed}\n## Next\n`);
    expect(followedByHeading.code).not.toContain('concurrency-models-end');
  });

  it('keeps inline formatting in the caption', async () => {
    const { code } = await render('Table: The `asyncio` primitives [#primitives]\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(code).toContain(
      '<caption id="primitives-caption"><span class="caption-text">The <code>asyncio</code> primitives </span></caption>',
    );
  });

  it('leaves a table without a caption line alone', async () => {
    const { code, metadata } = await render('| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(code).toMatch(/^<table><thead><tr><th>a<\/th>/);
    expect(metadata.frontmatter[TABLES_FRONTMATTER_KEY]).toBeUndefined();
  });

  it('fails with the file, the line and the fix for a ragged row', async () => {
    const broken = seed.replace('| Threads   | `threading`             |', '| Threads   |');
    await expect(render(broken)).rejects.toThrow(
      'content/notes/sample.md:8: table "concurrency-models": row 2 ("Threads") has 2 cells but the header has 3.',
    );
  });

  it('fails when a caption line has no table under it', async () => {
    await expect(render('Table: Lost caption [#lost]\n\nJust prose.\n')).rejects.toThrow(
      /sample\.md:1: a "Table:" caption line must be followed directly by its Markdown table/,
    );
  });

  it('fails when a row anchor collides with a heading anchor', async () => {
    await expect(render(`## Models threads\n\n${seed.replace('concurrency-models]', 'models]')}`)).rejects.toThrow(
      /the anchor #models-threads of row 2 \("Threads"\) is already used by the heading "Models threads" \(line 1\)/,
    );
  });
});
