import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { contentDir } from '../../core/content-dir';
import { sourceSchema, type Source } from './schema';

/** Every registered source, validated, with the lookups citations need. */
export interface Registry {
  /** The YAML file, relative to the working directory (as messages show it). */
  file: string;
  sources: Source[];
  byId: Map<string, Source>;
  /** Keyed by {@link urlKey}: the same page reached over http/https, with or without www or a trailing slash. */
  byUrl: Map<string, Source>;
  /** 1-based line of each source's entry, for messages. */
  lineOf: Map<string, number>;
}

/** A registry that cannot be used: every problem found, each naming file and line. */
const registryError = (problems: readonly ContentProblem[]) => new ContentError('source registry problem', problems);

/**
 * The registry file of a content tree. CONTENT_DIR moves the whole tree (fixtures,
 * benchmarks), exactly as it does for the notes collection.
 */
export function registryPath(root: string = contentDir()): string {
  return resolve(root, 'sources', 'sources.yaml');
}

/** The comparable form of a URL: host without `www.`, path without trailing slash, query kept, scheme and fragment dropped. */
export function urlKey(url: string): string {
  const parsed = new URL(url);
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${path}${parsed.search}`;
}

/** Parses and validates registry text. Pure: `file` is only used in messages. */
export function parseRegistry(text: string, file: string): Registry {
  const shown = relative(process.cwd(), file) || file;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problem = (line: number, message: string): ContentProblem => ({ file: shown, line, message });
  const problems = doc.errors.map((error) =>
    problem(
      lineAt(error.pos[0]),
      `${(error.message.split('\n')[0] ?? '').replace(/:$/, '')} — fix the YAML syntax (quote a value that contains ": ").`,
    ),
  );
  if (problems.length > 0) throw registryError(problems);

  const root = doc.contents;
  if (!isSeq(root)) {
    throw registryError([
      problem(1, 'the registry must be a YAML list of sources ("- id: …" entries), one entry per cited work.'),
    ]);
  }

  const sources: Source[] = [];
  const byId = new Map<string, Source>();
  const byUrl = new Map<string, Source>();
  const lineOf = new Map<string, number>();
  for (const item of root.items) {
    const entryLine = lineAt((item as Node | null)?.range?.[0]);
    const fieldLine = (field: PropertyKey | undefined) => {
      if (!isMap(item) || typeof field !== 'string') return entryLine;
      const pair = item.items.find((candidate) => (candidate.key as { value?: unknown } | null)?.value === field);
      return lineAt((pair?.key as Node | undefined)?.range?.[0] ?? item.range?.[0]);
    };
    if (!isMap(item)) {
      problems.push(
        problem(
          entryLine,
          'each source is a mapping of fields (id, title, url, site, kind, …), written "- id: …" with the other fields indented below it.',
        ),
      );
      continue;
    }
    const label = typeof item.get('id') === 'string' ? `source "${String(item.get('id'))}"` : 'source';
    const parsed = sourceSchema.safeParse(item.toJSON());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const where = typeof field === 'string' ? ` field "${issue.path.join('.')}"` : '';
        problems.push(problem(fieldLine(field), `${label}${where}: ${issue.message}`));
      }
      continue;
    }
    const source = parsed.data;
    const earlier = lineOf.get(source.id);
    if (earlier !== undefined) {
      problems.push(
        problem(
          fieldLine('id'),
          `duplicate source id "${source.id}" — line ${earlier} already registers it. Give each work its own id, or merge the two entries.`,
        ),
      );
      continue;
    }
    const key = urlKey(source.url);
    const sameUrl = byUrl.get(key);
    if (sameUrl) {
      problems.push(
        problem(
          fieldLine('url'),
          `source "${source.id}" has the same url as "${sameUrl.id}" (line ${lineOf.get(sameUrl.id)}) — register each work once and cite that id.`,
        ),
      );
      continue;
    }
    sources.push(source);
    byId.set(source.id, source);
    byUrl.set(key, source);
    lineOf.set(source.id, entryLine);
  }
  if (problems.length > 0) throw registryError(problems);
  return { file: shown, sources, byId, byUrl, lineOf };
}

const cache = new Map<string, { mtimeMs: number; registry: Registry }>();

/**
 * Loads the registry file, re-reading it only when it changed: every note's
 * render asks for it, and `astro dev` must see edits.
 */
export function loadRegistry(file: string = registryPath()): Registry {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // A content tree without a registry (a fixture, a fresh clone) cites nothing:
    // every external link then fails as unregistered, naming the file to create.
    return parseRegistry('[]', file);
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.registry;
  const registry = parseRegistry(readFileSync(file, 'utf8'), file);
  cache.set(file, { mtimeMs, registry });
  return registry;
}
