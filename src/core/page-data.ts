/**
 * What a Markdown plugin hands the page that renders its note. Astro carries one thing from the pipeline to a page:
 * `file.data.astro.frontmatter`, which `render(note)` returns as `remarkPluginFrontmatter`. A feature declares a typed
 * key once, next to its plugin; the plugin writes through it and the page reads through it, so neither spells the
 * name nor guesses the type.
 */
import type { VFile } from 'vfile';

/** A named slot of page data holding a `Value`. */
export interface PageDataKey<Value> {
  readonly name: string;
  /** Carries `Value` for the type checker only; never set. */
  readonly value?: Value;
}

export function pageDataKey<Value>(name: string): PageDataKey<Value> {
  return { name };
}

/** Called by a plugin: the page rendering `file` will read `value` under `key`. */
export function handToPage<Value>(file: VFile, key: PageDataKey<Value>, value: Value): void {
  const astro = (file.data.astro ??= {});
  (astro.frontmatter ??= {})[key.name] = value;
}

/** Called by a page with `render(note).remarkPluginFrontmatter`: what the plugin handed it, if anything. */
export function pageData<Value>(
  remarkPluginFrontmatter: Record<string, unknown>,
  key: PageDataKey<Value>,
): Value | undefined {
  // The note's own frontmatter shares this object, but the note schema is strict: no author field can take a
  // plugin's key, so what sits under it was written by handToPage with this key's type.
  return remarkPluginFrontmatter[key.name] as Value | undefined;
}
