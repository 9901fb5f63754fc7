// @ts-check
// The floor of the scale benchmark: bare Astro + MDX, default Shiki, no plugins (see README.md here).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
});
