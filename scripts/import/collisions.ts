/**
 * Before writing: the URL the imported note would get, and its section's page, must be their own. The rules are the
 * check's and the build's (src/features/notes/unique-routes.ts), run on the notes already there with and without the
 * new one: only a clash the new note brings refuses it, in one line that says what to change in the import.
 */
import { join, relative, resolve } from 'node:path';
import {
  noteId,
  routeClashes,
  sectionClashes,
  type PlacedNote,
  type RouteClash,
  type TakenRoute,
} from '../../src/features/notes/unique-routes';
import type { NoteFrontmatter } from './types';

export interface ImportTarget {
  notesDir: string;
  /** The notes already there (paths under `notesDir`), and those of them with valid frontmatter, placed. */
  files: readonly string[];
  placed: readonly PlacedNote[];
  taken: readonly TakenRoute[];
  /** Where the note would be written, and its frontmatter. */
  target: string;
  frontmatter: NoteFrontmatter;
}

const clashes = (
  notesDir: string,
  files: readonly string[],
  placed: readonly PlacedNote[],
  taken: readonly TakenRoute[],
) => [...routeClashes(notesDir, files, taken), ...sectionClashes(placed, taken)];

/** Why the note cannot be written to `target`, as one line; undefined when it can. */
export function urlCollision({
  notesDir,
  files,
  placed,
  taken,
  target,
  frontmatter,
}: ImportTarget): string | undefined {
  const file = relative(process.cwd(), target);
  // With --force the note replaces its own file: that file is not another note.
  const others = files.filter((path) => resolve(path) !== resolve(target));
  const placedOthers = placed.filter((note) => note.file !== file);
  const key = (clash: RouteClash) => JSON.stringify(clash);
  const before = new Set(clashes(notesDir, others, placedOthers, taken).map(key));
  const note: PlacedNote = {
    file,
    id: noteId(relative(notesDir, target)),
    title: frontmatter.title,
    section: frontmatter.section,
    order: frontmatter.order,
  };
  const clash = clashes(notesDir, [...others, target], [...placedOthers, note], taken).find(
    (each) => !before.has(key(each)),
  );
  // Paths as the importer names every file: under the notes folder as given (CONTENT_DIR may be absolute).
  const show = (path: string) => join(notesDir, relative(resolve(notesDir), resolve(path)));
  return clash && message(clash, note, show);
}

function message(clash: RouteClash, note: PlacedNote, show: (path: string) => string): string {
  const { id, kind, other } = clash;
  const gives = `the title "${note.title}" gives the note the URL /${id}/`;
  const opens = `the note would open the new section "${note.section}", whose page would be /${id}/`;
  const anotherTitle = `nothing was written. Give the note another "## Title".`;
  switch (kind) {
    case 'note':
      return `${show(other)} already has the URL /${id}/ that this note would get; nothing was written. Import under another "## Title", or edit that note.`;
    case 'taken':
      if (clash.section !== undefined) {
        return `${opens}, which is already ${other}'s; nothing was written. Import it into an existing section with --section, or under another section name.`;
      }
      return `${gives}, which is already ${other}'s; ${anotherTitle}`;
    case 'taken-folder':
      return `the folder ${show(clash.file)}/ already has the URL /${id}/ of ${other}; nothing was written. Run \`npm run check\`, which says how to fix it, then import again.`;
    case 'folder':
      return `${gives}, the page of the section folder ${show(other)}/; ${anotherTitle}`;
    case 'section':
      if (clash.file !== note.file) {
        return `${opens}, the URL of ${show(clash.file)}; nothing was written. Import it into an existing section with --section, or under another section name.`;
      }
      return `${gives}, which is also the page of the section "${other}"; ${other === note.section ? 'nothing was written. Import it into another section with --section, or give it another "## Title".' : anotherTitle}`;
    case 'sections':
      return `${opens}, which the section "${other}" already has; nothing was written. Import it into "${other}" with --section, or under another section name.`;
  }
}
