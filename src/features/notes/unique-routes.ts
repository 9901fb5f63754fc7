import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { slug } from 'github-slugger';
import { parseDocument } from 'yaml';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { contentDir, noteFiles } from '../../core/content-dir';
import { splitFrontmatter } from './frontmatter-check';
import { buildSections, sectionSlug, sectionSlugClashes, type NavNote } from './navigation';
import { noteSchema } from './schema';

/** A note's id, hence its URL `/<id>/`, exactly as Astro's glob loader derives it from the file's path. */
export function noteId(pathInNotes: string): string {
  return pathInNotes
    .replace(/\.[^./\\]+$/, '')
    .split(sep)
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** A URL the site already uses for something other than a note, and what uses it. */
export interface TakenRoute {
  id: string;
  by: string;
}

/**
 * The URLs a note may not take: every page in src/pages (`sources.astro` → `sources`), every top-level file or
 * folder in public/ and the folders the build writes (`_astro`, `pagefind`).
 */
export function takenRoutes(root = '.'): TakenRoute[] {
  const list = (dir: string) => {
    try {
      return readdirSync(join(root, dir), { recursive: dir === 'src/pages', encoding: 'utf8' });
    } catch {
      return [];
    }
  };
  const pages = list('src/pages')
    .filter((name) => /\.(astro|md|mdx|ts|js)$/.test(name) && !name.includes('['))
    .map((name) => ({ id: name.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, ''), by: `src/pages/${name}` }));
  const assets = list('public').map((name) => ({ id: name, by: `public/${name}` }));
  const built = ['_astro', 'pagefind'].map((id) => ({ id, by: `the build's ${id}/ folder` }));
  return [...pages, ...assets, ...built];
}

/** A URL two things would share: `file` is the note (or a section's first note) the message names. */
export interface RouteClash {
  file: string;
  /** The shared URL, without slashes. */
  id: string;
  /** What else has the URL: another note, a page of the site, a folder of notes' section page, a section's page, or (`sections`) another section's page. */
  kind: 'note' | 'taken' | 'folder' | 'taken-folder' | 'section' | 'sections';
  /** That other thing: a note's file, what uses a taken route, a folder, or a section's name. */
  other: string;
  /** When the URL is a section's page (kinds `taken` and `sections`): that section's name. */
  section?: string | undefined;
}

/**
 * Two notes at one URL, or a note at a URL the site already uses, would silently replace a page. A note may not take
 * a folder of notes' URL either (`introduction.mdx` beside `introduction/c10k.mdx`): that is the folder's section page.
 */
export function routeClashes(notesDir: string, files: readonly string[], taken: readonly TakenRoute[]): RouteClash[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = noteId(relative(notesDir, file));
    byId.set(id, [...(byId.get(id) ?? []), relative(process.cwd(), file)]);
  }
  const folders = new Set(
    [...byId.keys()].flatMap((id) =>
      id
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const clashes: RouteClash[] = [];
  for (const [id, [first, ...others]] of byId) {
    for (const other of others) clashes.push({ file: other, id, kind: 'note', other: first! });
    const user = taken.find((route) => route.id === id);
    if (user) clashes.push({ file: first!, id, kind: 'taken', other: user.by });
    else if (folders.has(id)) {
      clashes.push({ file: first!, id, kind: 'folder', other: `${relative(process.cwd(), join(notesDir, id))}/` });
    }
  }
  // A folder named like a page or a build folder (`pagefind/`) would put its notes' pages inside it.
  for (const folder of folders) {
    const user = !folder.includes('/') && taken.find((route) => route.id === folder);
    if (user) {
      const file = `${relative(process.cwd(), join(notesDir, folder))}/`;
      clashes.push({ file, id: folder, kind: 'taken-folder', other: user.by });
    }
  }
  return clashes;
}

/** A note as the sidebar places it, with its file: what section pages are made from. */
export interface PlacedNote extends NavNote {
  file: string;
}

/**
 * Section pages (src/pages/[section]) that would share a URL: with a note (a top-level note whose new section takes
 * the slug of its name, which is the note's own), with a page of the site, or with another section's page.
 */
export function sectionClashes(notes: readonly PlacedNote[], taken: readonly TakenRoute[]): RouteClash[] {
  const sections = buildSections(notes);
  const clashes: RouteClash[] = [];
  for (const { label, notes: members } of sections) {
    const first = members[0]!;
    const slug = sectionSlug(label, first.id);
    // A section in a folder has the folder's URL, which routeClashes keeps every note and page off.
    if (first.id.includes('/')) continue;
    const note = notes.find((each) => each.id === slug);
    const user = taken.find((route) => route.id === slug);
    if (note) clashes.push({ file: note.file, id: slug, kind: 'section', other: label });
    else if (user) clashes.push({ file: first.file, id: slug, kind: 'taken', other: user.by, section: label });
  }
  for (const clash of sectionSlugClashes(sections)) {
    const first = sections.find((section) => section.label === clash.section)!.notes[0]!;
    clashes.push({ file: first.file, id: clash.slug, kind: 'sections', other: clash.with, section: clash.section });
  }
  return clashes;
}

/** The check's message for a clash: what shares the URL and what to rename. */
function clashMessage({ id, kind, other, section }: RouteClash): string {
  if (section !== undefined && kind === 'taken') {
    return `the section "${section}" would get the page /${id}/, which is already ${other}'s: keep the section's notes in a folder of their own under content/notes/, or rename the section.`;
  }
  switch (kind) {
    case 'note':
      return `this note and ${other} both have the URL /${id}/, so one would replace the other. Rename one of the files.`;
    case 'taken':
      return `this note's URL /${id}/ is already ${other}'s, so one would replace the other. Rename the note's file.`;
    case 'taken-folder':
      return `this folder's URL /${id}/ is already ${other}'s, and its notes' pages would be written inside it. Rename the folder.`;
    case 'folder':
      return `this note's URL /${id}/ is the index of the folder ${other}, which belongs to the notes in it. Rename the note's file or move it into the folder.`;
    case 'section':
      return `this note's URL /${id}/ is also the page of the section "${other}", so one would replace the other: keep each section's notes in a folder of their own under content/notes/, or rename the note's file.`;
    case 'sections':
      return `the section "${section!}" would get the page /${id}/, which the section "${other}" already has: keep each section's notes in a folder of their own under content/notes/.`;
  }
}

export function routeProblems(
  notesDir: string,
  files: readonly string[],
  taken: readonly TakenRoute[],
): ContentProblem[] {
  return routeClashes(notesDir, files, taken).map((clash) => ({ file: clash.file, message: clashMessage(clash) }));
}

export function sectionProblems(notes: readonly PlacedNote[], taken: readonly TakenRoute[]): ContentProblem[] {
  return sectionClashes(notes, taken).map((clash) => ({ file: clash.file, message: clashMessage(clash) }));
}

/** The notes among `files` whose frontmatter is valid, placed as the sidebar places them; the others are reported elsewhere. */
export function placedNotes(notesDir: string, files: readonly string[]): PlacedNote[] {
  return files.flatMap((file) => {
    const frontmatter = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!frontmatter) return [];
    const doc = parseDocument(frontmatter.yaml);
    if (doc.errors.length > 0) return [];
    let data;
    try {
      data = noteSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      return []; // Too many aliases: the frontmatter check names the line.
    }
    if (!data.success) return [];
    const { title, section, order } = data.data;
    return [{ file: relative(process.cwd(), file), id: noteId(relative(notesDir, file)), title, section, order }];
  });
}

/** Fails `astro build` (warns in `astro dev` and the other commands) before any page renders when two notes, a note and a page, or a section page and either share a URL. */
export function uniqueNoteRoutes(): AstroIntegration {
  return {
    name: 'asyncio-notes:unique-routes',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const notesDir = join(contentDir(), 'notes');
        const files = noteFiles(notesDir);
        const taken = takenRoutes();
        const problems = [
          ...routeProblems(notesDir, files, taken),
          ...sectionProblems(placedNotes(notesDir, files), taken),
        ];
        if (problems.length === 0) return;
        const error = new ContentError('note URL', problems);
        if (command === 'build') throw error;
        logger.warn(error.message);
      },
    },
  };
}
