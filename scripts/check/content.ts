/**
 * `npm run check`'s content step: every note's frontmatter, with file:line:column
 * messages (the check the build itself starts with). Citations, tables and links
 * are checked by the build that follows.
 */
import { join } from 'node:path';
import { contentDir, noteFiles } from '../../src/core/content-dir';
import { checkNotes } from '../../src/features/notes/content-check';
import { formatProblem } from '../../src/features/notes/frontmatter-check';

const notesDir = join(contentDir(), 'notes');
const problems = checkNotes();
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} frontmatter problem(s) in ${notesDir}.`);
  process.exitCode = 1;
} else {
  console.log(`${noteFiles(notesDir).length} notes: frontmatter valid.`);
}
