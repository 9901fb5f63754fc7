import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { pageData } from '../../../src/core/page-data';
import { assignHeadingIds } from '../../../src/features/headings/heading-ids';
import { remarkComparisonTables, TABLE_IDS } from '../../../src/features/tables/remark-comparison-tables';
import { rehypeTableAnchors } from '../../../src/features/tables/rehype-table-anchors';

// As src/markdown/pipeline.ts orders them: heading ids first in the rehype stage, then the anchor check.
const processor = await createMarkdownProcessor({
  remarkPlugins: [remarkGfm, remarkComparisonTables],
  rehypePlugins: [assignHeadingIds, rehypeTableAnchors],
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
      '<div class="comparison-table" data-comparison-table="" data-pagefind-filter="type:Comparison tables"><div class="table-scroll" role="region" tabindex="0" aria-labelledby="concurrency-models-caption"><table id="concurrency-models" role="table" data-pagefind-title="Processes, threads and asyncio compared"><caption id="concurrency-models-caption"><span class="caption-text">Processes, threads and asyncio compared </span></caption>',
    );
    // Each cell carries its column's name for search (the header row is left out of the index) and for the card
    // layout, which shows it as the value's label.
    expect(code).toContain(
      '<thead role="rowgroup" data-pagefind-ignore=""><tr role="row"><th scope="col" role="columnheader">Name </th><th scope="col" role="columnheader">Python Standard Library </th>',
    );
    expect(code).toContain(
      '<tr id="concurrency-models-threads" role="row" data-pagefind-title="Threads — Processes, threads and asyncio compared"><th scope="row" role="rowheader" data-pagefind-index-attrs="data-column" data-column="Name:">Threads </th><td role="cell" data-label="Python Standard Library" data-pagefind-index-attrs="data-column" data-column="Python Standard Library:"><code>threading</code> </td><td role="cell" data-label="CPUs" data-pagefind-index-attrs="data-column" data-column="CPUs:">1 (because of the GIL) </td></tr>',
    );
    expect(code).toContain('<tbody role="rowgroup">');
    expect(code).not.toContain('Table:');
    expect(pageData(metadata.frontmatter, TABLE_IDS)).toEqual(['concurrency-models']);
  });

  it('marks a table of five columns or more as wide, so it may take the width beside the prose', async () => {
    const { code } = await render(seed);
    expect(code).toContain('<div class="comparison-table" data-comparison-table');
    const five = await render(
      'Table: Five columns [#five]\n\n| a | b | c | d | e |\n| - | - | - | - | - |\n| 1 | 2 | 3 | 4 | 5 |\n',
    );
    expect(five.code).toContain('<div class="comparison-table comparison-table-wide" data-comparison-table');
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
    expect(pageData(metadata.frontmatter, TABLE_IDS)).toBeUndefined();
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

  it('checks anchors against the ids headings really get, not a guess from the Markdown', async () => {
    // Astro skips the inline HTML: the heading's id is "why-not" (a slug of the Markdown text would be "why-emnotem").
    const table = seed.replace('## Compared\n\n', '').replace('concurrency-models]', 'why-not]');
    await expect(render(`${table}\n## Why <em>not</em>\n`)).rejects.toThrow(
      'content/notes/sample.md:1: table "why-not": the table id "why-not" is already used by the heading "Why not" (line 8). Choose another id in [#…].',
    );
    // The second "Compared" heading gets compared-1: a table may take compared-2, not compared-1.
    const twice = `## Compared\n\n${seed.replace('concurrency-models]', 'compared-1]')}`;
    await expect(render(twice)).rejects.toThrow(
      /the table id "compared-1" is already used by the heading "Compared" \(line 3\)/,
    );
    await expect(render(twice.replace('compared-1]', 'compared-2]'))).resolves.toBeDefined();
  });

  it('fails when the anchor after a table collides with a heading', async () => {
    const markdown = `${seed.replace('concurrency-models]', 'models]')}\nMore prose.\n\n## Models end\n`;
    await expect(render(markdown)).rejects.toThrow(
      'table "models": the anchor #models-end, which marks where the text resumes after the table, is already used by the heading "Models end" (line 12). Change the table id.',
    );
  });
});
