import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFrontmatter, formatProblem, type Problem } from './frontmatter-check';
import { contentDir } from '../../core/content-dir';
import { noteSchema } from './schema';

/** Every note source under `<content>/notes`, as the notes collection's glob loader sees them. */
export function noteFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.mdx?$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function checkNotes(root: string = contentDir()): Problem[] {
  return noteFiles(join(root, 'notes')).flatMap((path) => {
    const file = relative(process.cwd(), path);
    return checkFrontmatter(file, readFileSync(path, 'utf8'), noteSchema);
  });
}

/**
 * Fails `astro build` itself on bad frontmatter, before Astro reads the content,
 * with the same file:line:column messages as `npm run check` (src/features/notes/
 * frontmatter-check.ts); Astro's own schema error shows one problem at a time, at
 * `file:0:0`, under a stack trace. `astro dev` warns instead, so a half-typed
 * note does not stop the server.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'asyncio-notes:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = checkNotes();
        if (problems.length === 0) return;
        const report = problems.map(formatProblem).join('\n');
        if (command === 'dev') {
          logger.warn(`Frontmatter problems:\n${report}`);
          return;
        }
        const error = new AstroError(
          `${problems.length} frontmatter problem${problems.length === 1 ? '' : 's'}:\n${report}`,
          'Fix each field as described; src/features/notes/schema.ts lists every field a note may have.',
        );
        // The problem is in the content, not in this code: a stack trace would only distract.
        error.stack = '';
        throw error;
      },
    },
  };
}
