/**
 * Reading a built site (`dist/` or a benchmark's outDir) from disk: its HTML
 * files and pages, and files by the URL path the browser would request. Used
 * by the build's own checks, the scripts and the tests alike.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders of generated assets, not pages. */
const NOT_PAGES = new Set(['_astro', 'pagefind']);

/** Every `.html` file under `dir`, sorted, as a dir-relative path: `index.html`, `intro/c10k/index.html`. */
export function htmlFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (!NOT_PAGES.has(name) || folder !== dir) walk(path);
      } else if (name.endsWith('.html')) {
        files.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return files;
}

/** Every page under `dir` as a base-relative page path: `/`, `/intro/c10k/`, `/404.html`. */
export function builtPages(dir: string): string[] {
  return htmlFiles(dir).map((file) => '/' + file.replace(/(^|\/)index\.html$/, '$1'));
}

/** The file a page path is served from. */
export function pageFile(dir: string, page: string): string {
  return join(dir, page.endsWith('/') ? `${page}index.html` : page);
}

/** Reads the file behind a URL path (with the site's base stripped); undefined when absent. */
export function fileReader(dir: string, base: string): (sitePath: string) => Uint8Array | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (sitePath) => {
    if (!sitePath.startsWith(prefix)) return undefined;
    let path = join(dir, sitePath.slice(prefix.length));
    if (sitePath.endsWith('/')) path = join(path, 'index.html');
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
  };
}
