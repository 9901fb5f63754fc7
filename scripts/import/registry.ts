/**
 * The importer's view of the source registry (content/sources/sources.yaml):
 * which URLs and ids are taken, and appending new entries as YAML text so the
 * file's comments and layout stay as people wrote them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { parseRegistry, urlKey } from '../../src/features/citations/registry';
import type { NewSource } from './note';

export interface RegistryView {
  file: string;
  lookup: (url: string) => string | undefined;
  ids: Set<string>;
}

/**
 * What the importer needs from the registry, read by the registry's own parser
 * (so a URL matches exactly when the build would match it). A broken registry
 * throws its ContentError, naming file and line; a missing one is empty.
 */
export function readRegistry(file: string): RegistryView {
  if (!existsSync(file)) return { file, ids: new Set(), lookup: () => undefined };
  const registry = parseRegistry(readFileSync(file, 'utf8'), file);
  return {
    file,
    ids: new Set(registry.byId.keys()),
    lookup: (url) => registry.byUrl.get(urlKey(url))?.id,
  };
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
