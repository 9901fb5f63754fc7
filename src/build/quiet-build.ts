import type { AstroIntegration } from 'astro';

/**
 * Silences one warning we cannot act on: Astro's own MDX output starts with the
 * directive "use astro:head-inject", and Rolldown warns for every .mdx file that
 * it "may not be preserved when bundling". Any other warning still shows.
 */
export function quietBuild(): AstroIntegration {
  return {
    name: 'asyncio-notes:quiet-build',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            build: {
              rolldownOptions: {
                onwarn(warning: { code?: string; message: string }, warn: (warning: object) => void) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
                    return;
                  warn(warning);
                },
              },
            },
          },
        });
      },
    },
  };
}
