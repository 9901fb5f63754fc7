/**
 * `npm run check`'s content step: every note's frontmatter, the content policy (src/features/content-policy) and
 * unique note URLs, with file:line:column messages. Citations, tables and links are checked by the build that follows.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, noteFiles } from '../../src/core/content-dir';
import { checkNotes } from '../../src/features/notes/content-check';
import { formatProblem } from '../../src/features/notes/frontmatter-check';
import { policyProblems } from '../../src/features/content-policy/check-notes';
import { routeProblems, takenRoutes } from '../../src/features/notes/unique-routes';
import { formatContentProblem } from '../../src/core/content-error';

const notesDir = join(contentDir(), 'notes');
const files = noteFiles(notesDir).map((path) => relative(process.cwd(), path));
const problems = checkNotes();
for (const problem of problems) console.error(formatProblem(problem));
const others = [
  ...files.flatMap((file) => policyProblems(file, readFileSync(file, 'utf8'))),
  ...routeProblems(notesDir, files, takenRoutes()),
];
for (const problem of others) console.error(formatContentProblem(problem));
if (problems.length + others.length > 0) {
  console.error(`\n${problems.length + others.length} content problem(s) in ${notesDir}.`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} notes: frontmatter valid, content policy kept, every URL unique.`);
}
