import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkFrontmatter } from './frontmatter-check';
import { contentDir } from '../../core/content-dir';
import { formatContentProblem, type ContentProblem } from '../../core/content-error';
import { contentFiles } from './note-files';
import { noteSchema } from './schema';

/**
 * Every file under `root` that is not what it seems (note-files.ts), then every note's frontmatter: the build's first
 * step and `npm run check`'s content step, so both refuse the same files with the same messages.
 */
export function checkNotes(root: string = contentDir()): ContentProblem[] {
  const { notes, problems } = contentFiles(root);
  return [
    ...problems,
    ...notes.flatMap((path) => {
      const file = relative(process.cwd(), path);
      return checkFrontmatter(file, readFileSync(path, 'utf8'), noteSchema);
    }),
  ];
}

/**
 * Fails `astro build` itself on a content file that is not what it seems or on bad frontmatter, before Astro reads
 * the content, with the same messages as `npm run check` (file:line:column for a field); Astro's own schema error
 * shows one problem at a time, at `file:0:0`, under a stack trace, and its glob loader would follow a symbolic link.
 * `astro dev` warns instead, so a half-typed note does not stop the server.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'asyncio-notes:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = checkNotes();
        if (problems.length === 0) return;
        const report = problems.map(formatContentProblem).join('\n');
        if (command === 'dev') {
          logger.warn(`Content problems:\n${report}`);
          return;
        }
        const error = new AstroError(
          `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${report}`,
          'Fix each file or field as described; src/features/notes/schema.ts lists every field a note may have.',
        );
        // The problem is in the content, not in this code: a stack trace would only distract.
        error.stack = '';
        throw error;
      },
    },
  };
}
