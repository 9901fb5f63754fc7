// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor, shikiConfig } from './src/markdown/pipeline.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { codeStyles } from './src/integrations/code-styles.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { quietBuild } from './src/integrations/quiet-build.ts';
import { contentSecurityPolicy } from './src/security.ts';
import { site } from './src/site.ts';
import { contentCacheDir } from './src/lib/content-dir.ts';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  srcDir: './src',
  cacheDir: contentCacheDir(),
  publicDir: './public',
  markdown: {
    processor: markdownProcessor(),
    shikiConfig,
  },
  integrations: [contentCheck(), quietBuild(), mdx(), sitemap(), codeStyles(), pagefindIndex()],
  security: { csp: contentSecurityPolicy },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
