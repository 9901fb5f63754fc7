import { rehypeHeadingIds } from '@astrojs/markdown-remark';

/**
 * Astro's rehypeHeadingIds, first in the pipeline, so every later plugin reads `properties.id` instead of computing
 * it. A plugin of its own rather than Astro's function listed directly: unified attaches a plugin once, at its first
 * `use`, so listing Astro's function would silently drop the pass Astro appends after every plugin — the one that
 * lists, for the table of contents, the headings our plugins add (the citations' "Sources"). That pass keeps every
 * id it finds, so the ids stay those given here.
 */
export function assignHeadingIds() {
  return rehypeHeadingIds();
}
