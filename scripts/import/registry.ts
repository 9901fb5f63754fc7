/**
 * The importer's view of the source registry (content/sources/sources.yaml):
 * which URLs and ids are taken, and appending new entries as YAML text so the
 * file's comments and layout stay as people wrote them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import type { NewSource } from './note';

export interface RegistryView {
  file: string;
  lookup: (url: string) => string | undefined;
  ids: Set<string>;
}

/** The comparable form of a URL, as the registry compares them: no scheme, www, trailing slash or fragment. */
export function urlKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host.toLowerCase().replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}

export function readRegistry(file: string): RegistryView {
  const entries = existsSync(file) ? ((parse(readFileSync(file, 'utf8')) as unknown[] | null) ?? []) : [];
  const byKey = new Map<string, string>();
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object') continue;
    const { id, url } = entry as { id?: unknown; url?: unknown };
    if (typeof id !== 'string') continue;
    ids.add(id);
    if (typeof url === 'string' && URL.canParse(url)) byKey.set(urlKey(url), id);
  }
  return { file, ids, lookup: (url) => byKey.get(urlKey(url)) };
}

/** The YAML text that registers `sources`, introduced by a comment saying what to review. */
export function registryEntries(sources: readonly NewSource[], from: string): string {
  const list = stringify(sources, { lineWidth: 0 }).replace(/\n(?=- )/g, '\n\n');
  return `# Added by \`npm run import\` from ${from}: check each title, add authors and year, and set kind.\n${list}`;
}

export function appendToRegistry(file: string, sources: readonly NewSource[], from: string): void {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, before + separator + registryEntries(sources, from));
}
