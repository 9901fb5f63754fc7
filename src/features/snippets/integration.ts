/**
 * Build step of runnable snippets: writes the sandbox frame (sandbox-frame.ts)
 * to `_astro/` in the build, serves it in `astro dev`, and tells the page
 * script its file name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSandboxFrame } from './sandbox-frame.ts';

export function snippetSandbox(): AstroIntegration {
  const frame = buildSandboxFrame();
  return {
    name: 'snippet-sandbox',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __SNIPPET_SANDBOX_FRAME__: JSON.stringify(`_astro/${frame.file}`) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (!request.url?.split('?')[0]?.endsWith(`/_astro/${frame.file}`)) return next();
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(frame.html);
        });
      },
      'astro:build:done': ({ dir }) => {
        const assets = fileURLToPath(new URL('_astro/', dir));
        mkdirSync(assets, { recursive: true });
        writeFileSync(`${assets}${frame.file}`, frame.html);
      },
    },
  };
}
