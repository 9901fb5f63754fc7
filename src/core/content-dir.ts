import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Where content lives. CONTENT_DIR points a build at another tree: the
 * bad-content fixtures under tests/fixtures and the scale benchmark use it.
 */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? './content';
}

/**
 * Every `.mdx` file under `dir`, at any depth, sorted: the notes as the notes collection's glob loader reads them
 * (for `<content>/notes`, the default), without hidden names, which it skips, or links, which
 * src/features/notes/note-files.ts refuses before the build reads anything. A folder that does not exist has none.
 */
export function noteFiles(dir: string = join(contentDir(), 'notes')): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter(
        (path) =>
          !relative(dir, path)
            .split(sep)
            .some((part) => part.startsWith('.')),
      )
      .sort();
  } catch {
    return [];
  }
}
