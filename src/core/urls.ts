/**
 * Internal URLs always go through here so the site works under any base path
 * (`/` locally, `/repo-name/` on GitHub Pages).
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export function noteHref(id: string, base?: string): string {
  return withBase(`${id}/`, base);
}

/**
 * What a link's target is, by the one rule the citation check (in a note) and the link check (in the built site)
 * share. Each caller decides what to allow and words its own message.
 */
export type LinkTarget =
  /** A path, query or fragment: somewhere on this site. */
  | { kind: 'site' }
  /** An absolute http(s) URL whose host is a domain name or localhost. */
  | { kind: 'web'; url: URL }
  /** Any other scheme (`mailto`, `data`, `javascript`…), lowercased. */
  | { kind: 'other-scheme'; scheme: string }
  /** `//host/path`: the scheme left out. */
  | { kind: 'no-scheme' }
  /** http(s), but not a URL at all. */
  | { kind: 'malformed' }
  /** http(s) whose host is neither a domain name (`example.org`) nor `localhost`: `https://example/`, an IP address. */
  | { kind: 'no-host'; hostname: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The last label of a domain name is a top-level domain: letters, or an internationalised one in Punycode. */
const DOMAIN_NAME = /\.(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i;

export function classifyLink(href: string): LinkTarget {
  if (href.startsWith('//')) return { kind: 'no-scheme' };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'site' };
  if (scheme !== 'http' && scheme !== 'https') return { kind: 'other-scheme', scheme };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'malformed' };
  }
  if (url.hostname !== 'localhost' && !DOMAIN_NAME.test(url.hostname))
    return { kind: 'no-host', hostname: url.hostname };
  return { kind: 'web', url };
}
