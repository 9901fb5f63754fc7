import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useHighlightCache } from './rehype-highlight';
import { CODE_STYLES_FILE, codeStylesCSS, shikiStyleClasses } from './shiki-style-classes';

/**
 * Serves the syntax-highlighting rules that `shikiStyleClasses` collected as one
 * stylesheet, `<base>code-highlight.css`: written into `dist/` once every page is
 * rendered, and answered live by the dev server. It also gives the highlighter its cache folder in Astro's cacheDir,
 * so a build with a fresh cacheDir (the benchmark's cold builds) highlights every block again.
 */
export function codeStyles(): AstroIntegration {
  let base = '/';
  return {
    name: 'asyncio-notes:code-styles',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        useHighlightCache(join(fileURLToPath(config.cacheDir), 'highlight'));
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const path = `${base}${CODE_STYLES_FILE}`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'asyncio-notes:code-styles-dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    if (request.url?.split('?')[0] !== path) return next();
                    response.setHeader('Content-Type', 'text/css; charset=utf-8');
                    response.end(codeStylesCSS());
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const css = codeStylesCSS();
        await writeFile(new URL(CODE_STYLES_FILE, dir), css);
        logger.info(
          `${shikiStyleClasses.getClassRegistry().size} token styles → ${fileURLToPath(new URL(CODE_STYLES_FILE, dir))}`,
        );
      },
    },
  };
}
