import type { MarkdownHeading } from 'astro';

/** The headings an outline lists: the sections below the page's title (h1), two levels deep. */
export function outlineItems(headings: readonly MarkdownHeading[]): MarkdownHeading[] {
  return headings.filter((heading) => heading.depth >= 2 && heading.depth <= 3);
}
