/**
 * Build step of runnable snippets: writes the sandbox frames (sandbox-frame.ts:
 * TypeScript's and Python's)
 * to `_astro/` in the build, serves it in `astro dev`, and tells the page
 * script their file names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSandboxFrame } from './sandbox-frame.ts';

export function snippetSandbox(): AstroIntegration {
  const frames = [buildSandboxFrame('typescript'), buildSandboxFrame('python')] as const;
  return {
    name: 'snippet-sandbox',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const [typescript, python] = frames;
        updateConfig({
          vite: {
            define: {
              __SNIPPET_SANDBOX_FRAME__: JSON.stringify(`_astro/${typescript.file}`),
              __PYTHON_SANDBOX_FRAME__: JSON.stringify(`_astro/${python.file}`),
            },
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          const frame = frames.find(({ file }) => path.endsWith(`/_astro/${file}`));
          if (!frame) return next();
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(frame.html);
        });
      },
      'astro:build:done': ({ dir }) => {
        const assets = fileURLToPath(new URL('_astro/', dir));
        mkdirSync(assets, { recursive: true });
        for (const frame of frames) writeFileSync(`${assets}${frame.file}`, frame.html);
      },
    },
  };
}
