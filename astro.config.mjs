// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/markdown/pipeline.ts';
import { codeStyles } from './src/features/code-blocks/code-styles.ts';
import { codeStyleClasses } from './src/features/code-blocks/shiki-style-classes.ts';
import { contentCheck } from './src/features/notes/content-check.ts';
import { quietBuild } from './src/build/quiet-build.ts';
import { contentSecurityPolicy } from './src/core/csp.ts';
import { snippetSandbox } from './src/features/snippets/integration.ts';
import { citationChecks } from './src/features/citations/build-checks.ts';
import { indexCheckAndPublish } from './src/build/index-check-and-publish.ts';
import { failOnNoteProblems, NoteProblems } from './src/features/notes/render-problems.ts';
import { uniqueNoteRoutes } from './src/features/notes/unique-routes.ts';
import { site } from './src/site.ts';
import { pythonAssets } from './src/features/snippets/python/assets-integration.ts';

// A build of another content tree (fixtures, benchmarks) keeps its own content
// cache: trees never mix entries, and such builds can run side by side.
const contentDir = process.env.CONTENT_DIR;

// What the Markdown pipeline's plugins share with the integrations that act on it: Shiki's token classes, for the
// stylesheet, and the build's list of refused notes, to fail on.
const pipeline = { codeStyles: codeStyleClasses(), noteProblems: new NoteProblems() };

export default defineConfig({
  ...(contentDir && { cacheDir: `./node_modules/.astro/trees/${contentDir.replace(/[^a-z0-9]+/gi, '-')}` }),
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  srcDir: './src',
  publicDir: './public',
  markdown: {
    processor: markdownProcessor(pipeline),
    // Shiki runs inside the processor's plugin list (src/markdown/pipeline.ts).
    syntaxHighlight: false,
  },
  // indexCheckAndPublish stays last: it indexes and checks the final HTML every other step wrote, then publishes it.
  integrations: [
    contentCheck(),
    uniqueNoteRoutes(),
    quietBuild(),
    mdx({ optimize: true }),
    sitemap(),
    codeStyles(pipeline.codeStyles),
    citationChecks(),
    snippetSandbox(),
    pythonAssets(),
    failOnNoteProblems(pipeline.noteProblems),
    indexCheckAndPublish(),
  ],
  security: { csp: contentSecurityPolicy },
  build: { format: 'directory' },
  // Two routes for one URL fail the build instead of one page silently replacing the other.
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  // Astro writes the collections' JSON Schemas and the entry map its VS Code extension reads for frontmatter
  // completion (.vscode/settings.json turns it on there).
  experimental: { contentIntellisense: true },
});
