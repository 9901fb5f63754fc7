import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import type { Root } from 'hast';
import { createHighlighter, createJavaScriptRegexEngine, type ShikiTransformer } from 'shiki';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';
import { darkTheme, lightTheme } from './shiki-themes';

export interface HighlightOptions {
  /** Shiki transformers run on every block after ours (the style-to-class one: see shiki-style-classes.ts). */
  transformers: ShikiTransformer[];
}

/** The block's language on its `<pre>`, for the code figure (rehype-code-figure.ts). */
const languageAttribute: ShikiTransformer = {
  name: 'asyncio-notes:data-language',
  pre(node) {
    node.properties.dataLanguage = this.options.lang;
  },
};

/**
 * Fenced code blocks highlighted by Shiki's own rehype plugin (@shikijs/rehype), on a highlighter made here as its
 * documented core entry expects: Shiki's JavaScript regex engine (no WebAssembly), both themes loaded once and named
 * per block, each language loaded when a block first asks for it (an unknown one is plain text).
 */
export function rehypeHighlight(options: HighlightOptions) {
  let transform: Promise<Transformer<Root, Root>> | undefined;
  return async (tree: Root, file: VFile) => {
    transform ??= createHighlighter({
      themes: [lightTheme, darkTheme],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    }).then((highlighter) =>
      rehypeShikiFromHighlighter(highlighter, {
        themes: { light: lightTheme.name ?? 'light', dark: darkTheme },
        // `light-dark()` lets the page's `color-scheme` pick the palette: one copy of each token, no flash on a switch.
        defaultColor: 'light-dark()',
        // No time limit per line: a busy machine must not cut a line's colours short (reproducible builds).
        tokenizeTimeLimit: 0,
        lazy: true,
        defaultLanguage: 'plaintext',
        fallbackLanguage: 'plaintext',
        transformers: [languageAttribute, ...options.transformers],
      }),
    );
    const highlight = await transform;
    await highlight(tree, file, () => undefined);
  };
}
