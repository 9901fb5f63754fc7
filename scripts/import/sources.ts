/**
 * Job 4: the works the note links to. Each web link is a registered source
 * (found by the registry's own URL matching) or a new one to register, with an
 * id and title guessed from the link.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { urlKey } from '../../src/features/citations/registry';
import { kebabId } from '../../src/core/slug';
import { line } from './markdown';
import { NotANoteError, type ImportOptions, type NewSource } from './types';

const isWebLink = (link: Link) => /^https?:\/\//i.test(link.url);

/**
 * Every web link must be a URL the registry and the importer can read: one
 * the URL parser accepts, and whose `%` escapes decode.
 */
export function checkLinkUrls(links: readonly Link[], file: string): void {
  for (const link of links.filter(isWebLink)) {
    let url: URL;
    try {
      url = new URL(link.url);
    } catch {
      throw new NotANoteError(
        file,
        line(link),
        `the link ${link.url} is not a valid web address; correct it (spaces as %20) and import again.`,
      );
    }
    try {
      decodeURIComponent(url.pathname);
    } catch {
      throw new NotANoteError(
        file,
        line(link),
        `the link ${link.url} has a malformed "%" escape; write a literal "%" as %25, or correct the escape (%20 for a space), and import again.`,
      );
    }
  }
}

export interface Citations {
  /** Ids of every registered or new source linked, in order of first link. */
  ids: string[];
  newSources: NewSource[];
}

export function citeSources(links: readonly Link[], options: ImportOptions): Citations {
  const ids: string[] = [];
  const newSources: NewSource[] = [];
  const takenIds = new Set(options.takenSourceIds);
  const newByUrl = new Map<string, NewSource>();
  for (const link of links.filter(isWebLink)) {
    let id = options.lookupSource(link.url) ?? newByUrl.get(urlKey(link.url))?.id;
    if (!id) {
      const source = proposeSource(link, takenIds);
      takenIds.add(source.id);
      newByUrl.set(urlKey(link.url), source);
      newSources.push(source);
      id = source.id;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, newSources };
}

/** The registry entry a link suggests: its text as the title unless that is just "Source" or the URL. */
function proposeSource(link: Link, taken: ReadonlySet<string>): NewSource {
  const url = new URL(link.url);
  const host = url.hostname.replace(/^www\./, '');
  const labels = host.split('.');
  const name = labels.length > 1 ? labels[labels.length - 2]! : labels[0]!;
  const segments = url.pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, ''))
    .filter((segment) => segment && !/^(index|latest|en|blog|\d+)$/i.test(segment));
  const tail = segments.at(-1) ?? '';
  const base = kebabId(`${name} ${tail}`) || kebabId(host) || 'source';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const text = toString(link).trim();
  const generic = !text || /^source:?$/i.test(text) || /^https?:\/\//i.test(text) || text === link.url;
  const fromPath = tail.replace(/[-_]+/g, ' ').trim();
  const title = generic ? (fromPath ? fromPath[0]!.toUpperCase() + fromPath.slice(1) : host) : text;
  // The work is the page; a fragment only points into it.
  return { id, title, url: link.url.replace(/#.*$/, ''), site: host, kind: 'article' };
}
