import type { Source } from './schema';
import { closest } from '../../core/closest';
import { classifyLink } from '../../core/urls';
import { urlKey, type Registry } from './registry';

/** The short form: `[text](source:kegel-c10k)` cites a registered work by id. */
export const SOURCE_SCHEME = 'source:';

/** What a link in a note turned out to be. */
export type Resolution =
  | { kind: 'internal' }
  | { kind: 'other' }
  | { kind: 'citation'; source: Source; href: string }
  | { kind: 'error'; problem: string };

/** Schemes a note may link with that are neither pages of this site nor cited works. */
const PASS_THROUGH_SCHEMES = new Set(['mailto']);

/**
 * Resolves a link's href against the registry. `problem` completes the sentence
 * "<file>:<line>:<column>: [text](href) …" and ends with what to do.
 */
export function resolveHref(href: string, registry: Registry): Resolution {
  if (href.startsWith(SOURCE_SCHEME)) {
    // `source:id#part` cites a part of the work: its URL with that fragment.
    const [id = '', fragment] = href.slice(SOURCE_SCHEME.length).split('#', 2);
    const source = registry.byId.get(id);
    if (source) {
      const url = new URL(source.url);
      if (fragment !== undefined) url.hash = fragment;
      return { kind: 'citation', source, href: url.href };
    }
    const hint = closest(id, registry.sources, (candidate) => candidate.id);
    return {
      kind: 'error',
      problem:
        `cites the unknown source id "${id}".` +
        (hint ? ` Did you mean "${hint.id}"?` : '') +
        ` Use an id registered in ${registry.file}, or register the work there.`,
    };
  }
  const target = classifyLink(href);
  switch (target.kind) {
    case 'site':
      return { kind: 'internal' };
    case 'no-scheme':
      return { kind: 'error', problem: `is a malformed link: write the scheme, e.g. https:${href}.` };
    case 'other-scheme':
      if (PASS_THROUGH_SCHEMES.has(target.scheme)) return { kind: 'other' };
      return {
        kind: 'error',
        problem: `is a malformed link: "${target.scheme}:" is not a web address. Write an absolute http(s) URL (https://…) or cite a registered work as source:<id>.`,
      };
    case 'malformed':
    case 'no-host':
      return {
        kind: 'error',
        problem: `is a malformed link: "${href}" is not a valid URL. Write an absolute http(s) URL such as https://example.org/page.`,
      };
    case 'web':
      break;
  }
  const key = urlKey(target.url.href);
  const source = registry.byUrl.get(key);
  if (source) return { kind: 'citation', source, href };
  const hint = closest(key, registry.sources, (candidate) => urlKey(candidate.url));
  return {
    kind: 'error',
    problem:
      `links to ${href}, which is not in the source registry. Register the work in ${registry.file} (id, title, url, site, kind) and keep the link, or cite a registered work as source:<id>.` +
      (hint ? ` Closest registered source: "${hint.id}" (${hint.url}).` : ''),
  };
}
