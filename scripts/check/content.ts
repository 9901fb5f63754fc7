/**
 * `npm run check`'s content step: every note's frontmatter, with file:line:column
 * messages. Citations, tables and links are checked by the build that follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { noteSchema } from '../../src/features/notes/schema';
import { checkFrontmatter, formatProblem } from '../../src/features/notes/frontmatter-check';

const contentDir = process.env.CONTENT_DIR ?? './content';
const notesDir = join(contentDir, 'notes');

const files = readdirSync(notesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.mdx?$/.test(file))
  .sort()
  .map((file) => relative(process.cwd(), join(notesDir, file)));

const problems = files.flatMap((file) => checkFrontmatter(file, readFileSync(file, 'utf8'), noteSchema));
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} frontmatter problem(s) in ${notesDir}.`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} notes: frontmatter valid.`);
}
