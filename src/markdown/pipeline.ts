/**
 * The Markdown pipeline, in one place: every note goes through @astrojs/mdx on this unified processor
 * (astro.config.mjs sets it as `markdown.processor`, which MDX inherits). Each feature's plugins live in its folder
 * under src/features/; add new ones to the lists below. The note's syntax (remark-gfm) is shared with every tool that
 * reads notes outside the build, through parseNote (parse-note.ts).
 */
import { unified } from '@astrojs/markdown-remark';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { ShikiTransformerStyleToClass } from '@shikijs/transformers';
import { rehypeCodeFigure } from '../features/code-blocks/rehype-code-figure';
import { rehypeHighlight } from '../features/code-blocks/rehype-highlight';
import { rehypeCitations } from '../features/citations/rehype-citations';
import { assignHeadingIds } from '../features/headings/heading-ids';
import { rehypeHeadingAnchors } from '../features/headings/rehype-heading-anchors';
import { remarkContentPolicy } from '../features/content-policy/remark-content-policy';
import type { NoteProblems } from '../features/notes/render-problems';
import { remarkComparisonTables } from '../features/tables/remark-comparison-tables';
import { rehypeTableAnchors } from '../features/tables/rehype-table-anchors';
import { rehypeBaseLinks } from '../features/links/rehype-base-links';
import { rehypeCodeWeight } from '../features/search/rehype-code-weight';
import { remarkRunnableSnippets } from '../features/snippets/remark-runnable-snippets';
import { withBase } from '../core/urls';
import { site } from '../site';
import { noteSyntax } from './parse-note';

/** What the plugins of one build share with its integrations, handed in by astro.config.mjs. */
export interface PipelineState {
  /** Shiki's token styles turned into classes, for code-highlight.css (code-blocks/code-styles.ts). */
  codeStyles: ShikiTransformerStyleToClass;
  /** Where `astro build` collects every note's content-policy problems (notes/render-problems.ts). */
  noteProblems?: NoteProblems;
}

export function remarkPlugins({ noteProblems }: PipelineState): RemarkPlugins {
  // The syntax first; then the content policy: it reads only what the author wrote, before any plugin adds markup.
  return [
    ...(noteSyntax as RemarkPlugins),
    [remarkContentPolicy, { problems: noteProblems }],
    remarkComparisonTables,
    remarkRunnableSnippets,
  ];
}

export function rehypePlugins({ codeStyles }: PipelineState): RehypePlugins {
  return [
    // Heading ids, once, before anything reads them: every later plugin takes `properties.id` as given.
    assignHeadingIds,
    // Shiki through its own rehype plugin, not `markdown.syntaxHighlight`: Astro's switch has no option for Shiki's
    // time limit, and makes every build warn that Shiki's inline styles break the Content-Security-Policy, which the
    // style-to-class transformer prevents.
    [rehypeHighlight, { transformers: [codeStyles] }],
    rehypeCodeFigure,
    rehypeCodeWeight,
    // Comparison tables were built in the remark stage, before headings had ids; their anchors are checked here.
    rehypeTableAnchors,
    [rehypeCitations, { sourcesPageHref: (id: string) => withBase(`sources/#${id}`, site.base) }],
    // After citations, which add the "Sources" heading (with an id no other element has).
    rehypeHeadingAnchors,
    // Every site path in a note, citations' links to /sources/ included, gets the base path once.
    [rehypeBaseLinks, { base: site.base }],
  ];
}

export function markdownProcessor(state: PipelineState) {
  // GFM is in noteSyntax, so the processor's own switch stays off (it would register remark-gfm a second time).
  return unified({
    gfm: false,
    smartypants: false,
    remarkPlugins: remarkPlugins(state),
    rehypePlugins: rehypePlugins(state),
  });
}
