/**
 * `npm run check`'s content step: every content file is what it seems (src/features/notes/note-files.ts), every
 * note's frontmatter, the content policy (src/features/content-policy) and unique note URLs, with file:line:column
 * messages. Citations, tables and links are checked by the build that follows.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir } from '../../src/core/content-dir';
import { contentFiles } from '../../src/features/notes/note-files';
import { checkNotes } from '../../src/features/notes/content-check';
import { policyProblems } from '../../src/features/content-policy/check-notes';
import { placedNotes, routeProblems, sectionProblems, takenRoutes } from '../../src/features/notes/unique-routes';
import { formatContentProblem } from '../../src/core/content-error';

const notesDir = join(contentDir(), 'notes');
const problems = checkNotes();
// Only the notes the file check lets through are read: a link is refused, never followed.
const files = contentFiles(contentDir()).notes.map((path) => relative(process.cwd(), path));
const taken = takenRoutes();
const all = [
  ...problems,
  ...files.flatMap((file) => policyProblems(file, readFileSync(file, 'utf8'))),
  ...routeProblems(notesDir, files, taken),
  ...sectionProblems(placedNotes(notesDir, files), taken),
];
for (const problem of all) console.error(formatContentProblem(problem));
if (all.length > 0) {
  console.error(`\n${all.length} content problem(s) in ${notesDir}.`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} notes: files safe, frontmatter valid, content policy kept, every URL unique.`);
}
