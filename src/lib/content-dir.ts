/**
 * Where content lives. CONTENT_DIR points a build at another tree: the
 * bad-content fixtures under tests/fixtures and the scale benchmark use it.
 */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? './content';
}

/**
 * Astro's build cache (it holds the content store) for the current content tree:
 * the default for the site, a separate folder per CONTENT_DIR, so fixture builds
 * running alongside each other or the site's build never share one store.
 */
export function contentCacheDir(): string {
  const dir = process.env.CONTENT_DIR;
  // Astro's own default when building the site's content.
  return dir ? `./node_modules/.astro/content-dirs/${dir.replace(/[^\w.-]+/g, '_')}/` : './node_modules/.astro/';
}
