/**
 * `npm run check`'s content step: every content file is what it seems (src/features/notes/note-files.ts), every
 * note's frontmatter, the content policy (src/features/content-policy), unique note URLs, and what the build's
 * plugins and the links between notes find (notes-at-once.ts): every problem of a change in one run, each with its
 * file:line:column. The build that follows checks the built site again.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir } from '../../src/core/content-dir';
import { contentFiles } from '../../src/features/notes/note-files';
import { checkNotes } from '../../src/features/notes/content-check';
import { policyProblems } from '../../src/features/content-policy/check-notes';
import { placedNotes, routeProblems, sectionProblems, takenRoutes } from '../../src/features/notes/unique-routes';
import { formatContentProblem } from '../../src/core/content-error';
import { loadRegistry } from '../../src/features/citations/registry';
import { site } from '../../src/site';
import { notesAtOnce } from './notes-at-once';

const notesDir = join(contentDir(), 'notes');
const problems = checkNotes();
// Only the notes the file check lets through are read: a link is refused, never followed.
const files = contentFiles(contentDir()).notes.map((path) => relative(process.cwd(), path));
const taken = takenRoutes();
const placed = placedNotes(notesDir, files);
let sourceIds = new Set<string>();
try {
  sourceIds = new Set(loadRegistry().sources.map((source) => source.id));
} catch {} // The build names the registry's own mistakes.
const otherPages = new Set(['/', ...taken.flatMap((route) => [`/${route.id}`, `/${route.id}/`])]);
// By file and place, one line per problem even when two checks find it.
const all = [
  ...new Set(
    [
      ...problems,
      ...files.flatMap((file) => policyProblems(file, readFileSync(file, 'utf8'))),
      ...routeProblems(notesDir, files, taken),
      ...sectionProblems(placed, taken),
      ...(await notesAtOnce(notesDir, files, placed, { base: site.base, sourceIds, otherPages })),
    ]
      .sort(
        (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
      )
      .map(formatContentProblem),
  ),
];
for (const problem of all) console.error(problem);
if (all.length > 0) {
  console.error(`\n${all.length} content problem(s) in ${notesDir}.`);
  process.exitCode = 1;
} else {
  console.log(
    `${files.length} notes: files safe, frontmatter valid, content policy kept, every URL unique, citations, tables, snippets and links between notes sound.`,
  );
}
