// @ts-check
// The Sätteri floor of the scale benchmark: bare Astro + MDX, Astro 7's default processor and Shiki, no plugins
// (see README.md here).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
});
