import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkLinks } from '../lib/link-check';

/** How many problems the build prints before summing up the rest. */
const SHOWN = 30;

/** A broken site: the message lists each page and link; a stack would only bury them. */
class BrokenLinksError extends Error {
  constructor(problems: string[]) {
    const rest = problems.length - SHOWN;
    super(
      `${problems.length} broken link${problems.length === 1 ? '' : 's'} in the built site:\n` +
        problems.slice(0, SHOWN).join('\n') +
        (rest > 0 ? `\n… and ${rest} more.` : ''),
    );
    this.name = 'BrokenLinksError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Checks every link of the built site at the end of `astro build`. Keep it last
 * in the integrations list so it reads the final HTML.
 */
export function linkCheck(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'asyncio-notes:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const problems = checkLinks(fileURLToPath(dir), { base, site });
        if (problems.length > 0) throw new BrokenLinksError(problems);
        logger.info(`all links resolve (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
