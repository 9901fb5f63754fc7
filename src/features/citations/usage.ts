import type { Registry } from './registry';
import type { PageCitations } from './render';

/** A page as the Sources page needs it: where it lives and what its plugin recorded. */
export interface CitingPage {
  href: string;
  title: string;
  citations: PageCitations | undefined;
}

/** One "cited on" link: a section of a page (or the page's Sources list for background reading). */
export interface CitedOn {
  href: string;
  label: string;
}

/**
 * For every work, the sections that cite it, in reading order, one link per
 * section. Pure: the Sources page feeds it the rendered notes.
 */
export function citedOn(pages: CitingPage[]): Map<string, CitedOn[]> {
  const result = new Map<string, CitedOn[]>();
  for (const page of pages) {
    for (const work of page.citations?.works ?? []) {
      const links = result.get(work.id) ?? [];
      result.set(work.id, links);
      if (work.places.length === 0) {
        links.push({
          href: `${page.href}#${page.citations?.sectionSlug}`,
          label: `${page.title} (background reading)`,
        });
        continue;
      }
      const seen = new Set<string>();
      for (const place of work.places) {
        const target = place.section?.slug ?? place.anchor;
        if (seen.has(target)) continue;
        seen.add(target);
        links.push({
          href: `${page.href}#${target}`,
          label: place.section ? `${page.title} › ${place.section.text}` : page.title,
        });
      }
    }
  }
  return result;
}

/** Ids of the works a built page cites: the `data-cites` attributes the citation plugin writes. */
export function citedIdsIn(html: string): string[] {
  return [...html.matchAll(/\bdata-cites="([a-z0-9-]+)"/g)].map((match) => match[1] ?? '');
}

/** One warning per registered work no page cites, naming where it is registered and what to do. */
export function unusedSourceWarnings(registry: Registry, cited: ReadonlySet<string>): string[] {
  return registry.sources
    .filter((source) => !cited.has(source.id))
    .map(
      (source) =>
        `${registry.file}:${registry.lineOf.get(source.id)}: source "${source.id}" is registered but no page cites it. Cite it from a note (link its URL, write source:${source.id}, or list it in a note's frontmatter "sources"), or remove it from the registry.`,
    );
}
