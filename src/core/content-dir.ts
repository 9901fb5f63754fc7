import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where content lives. CONTENT_DIR points a build at another tree: the
 * bad-content fixtures under tests/fixtures and the scale benchmark use it.
 */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? './content';
}

/**
 * Every Markdown and MDX file under `dir`, at any depth, sorted: the notes as the notes collection's glob loader
 * sees them (for `<content>/notes`, the default). A folder that does not exist has none.
 */
export function noteFiles(dir: string = join(contentDir(), 'notes')): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
