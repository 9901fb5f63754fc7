/**
 * The Markdown pipeline, in one place: `.md` and `.mdx` both go through this
 * unified processor (astro.config.mjs sets it for Markdown and for MDX).
 * Each feature's plugins live in its folder under src/features/; add new ones to the lists below. The two steps that
 * serve every feature live here: the parser (native-parse.ts) and the last step (static-blocks.ts).
 */
import { unified } from '@astrojs/markdown-remark';
import type { RehypePlugins, ShikiConfig } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { rehypeCodeFigure } from '../features/code-blocks/rehype-code-figure';
import { rehypeHighlight } from '../features/code-blocks/rehype-highlight';
import { shikiNoTimeLimit } from '../features/code-blocks/shiki-no-time-limit';
import { rehypeCitations } from '../features/citations/rehype-citations';
import { assignHeadingIds } from '../features/headings/heading-ids';
import { rehypeHeadingAnchors } from '../features/headings/rehype-heading-anchors';
import { remarkContentPolicy } from '../features/content-policy/remark-content-policy';
import { renderingFromTheTop } from '../features/notes/markdown-notes';
import { remarkComparisonTables } from '../features/tables/remark-comparison-tables';
import { rehypeTableAnchors } from '../features/tables/rehype-table-anchors';
import { shikiStyleClasses } from '../features/code-blocks/shiki-style-classes';
import { rehypeBaseLinks } from '../features/links/rehype-base-links';
import { remarkRunnableSnippets } from '../features/snippets/remark-runnable-snippets';
import { darkTheme, lightTheme } from '../features/code-blocks/shiki-themes';
import { remarkNativeParse } from './native-parse';
import { rehypeStaticBlocks } from './static-blocks';
import { withBase } from '../core/urls';
import { site } from '../site';

// The parser first (it replaces remark's where it builds the same tree: native-parse.ts); then the content policy:
// it reads only what the author wrote, before any plugin adds markup of its own.
export const remarkPlugins = [
  remarkNativeParse,
  remarkGfm,
  remarkContentPolicy,
  remarkComparisonTables,
  remarkRunnableSnippets,
];

export const shikiConfig: Partial<ShikiConfig> = {
  // Plain github-light falls below 4.5:1 contrast (orange, red); see shiki-themes.ts.
  themes: { light: lightTheme, dark: darkTheme },
  // `light-dark()` lets the page's `color-scheme` pick the palette: no second
  // copy of each token and no flash when the theme changes.
  defaultColor: 'light-dark()',
  wrap: false,
  // Classes instead of inline styles, so the Content-Security-Policy needs no 'unsafe-inline';
  // no tokenizer time limit: same code, same colours, however busy the machine (reproducible builds).
  transformers: [shikiStyleClasses, shikiNoTimeLimit],
};

export const rehypePlugins: RehypePlugins = [
  // Heading ids, once, before anything reads them: every later plugin takes `properties.id` as given.
  assignHeadingIds,
  // Shiki, at the place Astro would run it and with the HTML Astro's plugin writes, but listed here instead of switched
  // on through `markdown.syntaxHighlight`: that switch makes every build warn that Shiki's inline styles break the
  // Content-Security-Policy, which shikiStyleClasses (in shikiConfig) already prevents. Our own plugin, not Astro's
  // rehypeShiki: one highlighter on Shiki's JavaScript engine and a cache on disk (see rehype-highlight.ts).
  [rehypeHighlight, shikiConfig],
  rehypeCodeFigure,
  // Comparison tables were built in the remark stage, before headings had ids; their anchors are checked here.
  rehypeTableAnchors,
  [rehypeCitations, { sourcesPageHref: (id: string) => withBase(`sources/#${id}`, site.base) }],
  // After citations, which add the "Sources" heading (with an id no other element has).
  rehypeHeadingAnchors,
  // Every site path in a note, citations' links to /sources/ included, gets the base path once.
  [rehypeBaseLinks, { base: site.base }],
  // Last: blocks leave the tree as their final HTML, once no plugin of ours has more to do in them (static-blocks.ts).
  rehypeStaticBlocks,
];

export function markdownProcessor() {
  // GFM is added explicitly through remark-gfm above, so the processor's own
  // switch stays off (it would register remark-gfm a second time).
  // `.md` notes render from the top of the file and fail the build like `.mdx` notes (see markdown-notes.ts).
  return renderingFromTheTop(unified({ gfm: false, smartypants: false, remarkPlugins, rehypePlugins }));
}
