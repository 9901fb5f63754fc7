// @ts-check
// The same-stack floor of the scale benchmark: the design card's stack, bare (see README.md here).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';

export default defineConfig({
  markdown: {
    // The unified processor, GitHub-flavoured through its remark-gfm step (on by default; said here on purpose).
    processor: unified({ gfm: true }),
    // Shiki with a light and a dark theme, as our notes are highlighted; the themes are Shiki's own.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  // MDX's documented `optimize` option, as our site sets it: the floor compiles each note the way ours does.
  integrations: [mdx({ optimize: true })],
});
