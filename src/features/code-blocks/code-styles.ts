import type { ShikiTransformerStyleToClass } from '@shikijs/transformers';
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CODE_STYLES_FILE, codeStylesCSS } from './shiki-style-classes';

/**
 * Serves the syntax-highlighting rules that `styles` (the pipeline's style-to-class transformer) collected as one
 * stylesheet, `<base>code-highlight.css`: written into `dist/` once every page is rendered, and answered live by the
 * dev server.
 */
export function codeStyles(styles: ShikiTransformerStyleToClass): AstroIntegration {
  return {
    name: 'asyncio-notes:code-styles',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
                    response.end(codeStylesCSS(styles));
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL(CODE_STYLES_FILE, dir), codeStylesCSS(styles));
        logger.info(
          `${styles.getClassRegistry().size} token styles → ${fileURLToPath(new URL(CODE_STYLES_FILE, dir))}`,
        );
      },
    },
  };
}
