/**
 * Before writing: the URL the imported note would get must be its own. Two
 * files that resolve to one URL lose one page silently (the build keeps one),
 * and a note named like a page of the site itself is never published.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { slug as githubSlug } from 'github-slugger';

const projectRoot = resolve(import.meta.dirname, '../..');

/** The URL path Astro's content loader gives a note file (`intro/Probe Page.mdx` → `intro/probe-page`). */
export function noteRoute(file: string): string {
  return file
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/(^|\/)index$/, '');
}

/**
 * First-level URL paths that are not notes': the site's own pages
 * (src/pages), its static files (public/), and the folders the build writes
 * (Astro's assets, Pagefind's bundle); each with where it comes from.
 */
export function reservedRoutes(root = projectRoot): Map<string, string> {
  const reserved = new Map<string, string>([
    ['_astro', "the build's asset folder"],
    ['pagefind', "the search index's folder"],
  ]);
  for (const name of readdirSync(join(root, 'src/pages'))) {
    const route = name.replace(/\.(?:astro|ts|js|md|mdx)$/, '');
    if (route !== 'index' && !route.startsWith('[')) reserved.set(route, `the site's page src/pages/${name}`);
  }
  const publicDir = join(root, 'public');
  if (existsSync(publicDir)) for (const name of readdirSync(publicDir)) reserved.set(name, `the file public/${name}`);
  return reserved;
}

/** Why `slug` cannot be written to `<notesDir>/<slug>.mdx` beside `noteFiles`, or undefined when it can. */
export function urlCollision(
  slug: string,
  noteFiles: readonly string[],
  reserved: ReadonlyMap<string, string>,
  notesDir: string,
  title: string,
): string | undefined {
  const owner = reserved.get(slug);
  if (owner)
    return `the title "${title}" gives the note the URL /${slug}/, which is ${owner}; nothing was written. Give the note another "## Title".`;
  const taken = noteFiles.find((file) => file !== `${slug}.mdx` && noteRoute(file) === slug);
  if (taken)
    return `${join(notesDir, taken)} already has the URL /${slug}/ that this note would get; nothing was written. Import under another "## Title", or edit that note.`;
  return undefined;
}
