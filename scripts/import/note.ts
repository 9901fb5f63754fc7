/**
 * The importer's core, pure: a Markdown note in the style of the original
 * notes (a `## Title`, `###`/`####` sections, lists, quotes followed by
 * `[Source](url)`, links, tables, code) becomes an MDX page for
 * content/notes/. The text is kept byte for byte except where MDX or the site
 * needs a change. Each job is a module of its own: the outline (outline.ts),
 * MDX spelling (mdx-spelling.ts), quotations (quotes.ts), sources
 * (sources.ts) and frontmatter (frontmatter.ts). No I/O: the CLI (cli.ts)
 * reads and writes files.
 */
import { stringify } from 'yaml';
import { frontmatterOf } from './frontmatter';
import { refuseFrontmatter } from './input';
import { applyEdits, parseMarkdown } from './markdown';
import { spellForMdx } from './mdx-spelling';
import { readOutline } from './outline';
import { attributeQuotes } from './quotes';
import { checkLinkUrls, citeSources } from './sources';
import type { ImportedNote, ImportOptions } from './types';

export { fitDescription } from './frontmatter';
export { decodeNote } from './input';
export { parseMarkdown } from './markdown';
export * from './types';

export function importNote(text: string, options: ImportOptions): ImportedNote {
  refuseFrontmatter(text, options.file);
  const tree = parseMarkdown(text);
  const outline = readOutline(tree, text, options.file);
  const spelling = spellForMdx(text, outline.rest, options.file);
  checkLinkUrls(spelling.links, options.file);
  const attribution = attributeQuotes(text, tree, outline.rest, options.file);
  const citations = citeSources(spelling.links, options);
  const frontmatter = frontmatterOf(outline.title, outline.rest, citations.ids, options);

  const body = applyEdits(text, [...outline.edits, ...spelling.edits, ...attribution.edits]).trim();
  return {
    slug: outline.slug,
    frontmatter,
    mdx: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`,
    citedSourceIds: citations.ids,
    newSources: citations.newSources,
    counts: {
      sections: outline.headings.length,
      quotes: spelling.counts.quotes + attribution.quoted,
      links: spelling.links.length,
      tables: spelling.counts.tables,
      codeBlocks: spelling.counts.codeBlocks,
    },
    warnings: [...spelling.warnings, ...attribution.warnings],
  };
}
