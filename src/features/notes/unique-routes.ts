import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { slug } from 'github-slugger';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { contentDir } from '../../core/content-dir';
import { noteFiles } from '../../core/content-dir';

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

/**
 * Two notes at one URL, or a note at a URL the site already uses, would silently replace a page: each gets a
 * problem naming both. A note may not take a folder of notes' URL either (`introduction.mdx` beside
 * `introduction/c10k.mdx`): that is the folder's future index page.
 */
export function routeProblems(notesDir: string, files: string[], taken: TakenRoute[]): ContentProblem[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = noteId(relative(notesDir, file));
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const folders = new Set(
    [...byId.keys()].flatMap((id) =>
      id
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const problems: ContentProblem[] = [];
  for (const [id, [first, ...others]] of byId) {
    const file = relative(process.cwd(), first!);
    for (const other of others) {
      problems.push({
        file: relative(process.cwd(), other),
        message: `this note and ${file} both have the URL /${id}/, so one would replace the other. Rename one of the files.`,
      });
    }
    const user = taken.find((route) => route.id === id);
    if (user) {
      problems.push({
        file,
        message: `this note's URL /${id}/ is already ${user.by}'s, so one would replace the other. Rename the note's file.`,
      });
    } else if (folders.has(id)) {
      problems.push({
        file,
        message: `this note's URL /${id}/ is the index of the folder ${relative(process.cwd(), join(notesDir, id))}/, which belongs to the notes in it. Rename the note's file or move it into the folder.`,
      });
    }
  }
  return problems;
}

/** Fails `astro build` (warns in `astro dev` and the other commands) before any page renders when two notes, or a note and a page, share a URL. */
export function uniqueNoteRoutes(): AstroIntegration {
  return {
    name: 'asyncio-notes:unique-routes',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const notesDir = join(contentDir(), 'notes');
        const problems = routeProblems(notesDir, noteFiles(notesDir), takenRoutes());
        if (problems.length === 0) return;
        const error = new ContentError('note URL', problems);
        if (command === 'build') throw error;
        logger.warn(error.message);
      },
    },
  };
}
