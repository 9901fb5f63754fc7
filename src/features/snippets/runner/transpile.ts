/**
 * TypeScript → JavaScript for snippets: sucrase with only its `typescript`
 * transform strips types and keeps every line where it was, so line numbers in
 * errors match the code the reader sees; then instrument.ts adds the timeline's
 * calls on the same lines, and columns.ts's map (appended) leads error columns
 * back to the snippet. Used at build time (remark plugin) and in the page after
 * Edit (loaded as its own chunk).
 */
import { decode } from '@jridgewell/sourcemap-codec';
import { transform } from 'sucrase';
import { withColumnMap, type ColumnMap } from './columns.ts';
import { instrument, type Instrumented } from './instrument.ts';

export type TranspileResult = { ok: true; code: string } | { ok: false; message: string; line: number; column: number };

/** Per line, sucrase's anchors `[javascript column, snippet column]`: one per token, in order. */
type Anchors = [column: number, original: number][];

/** The parser's message without its position, nor the file name sucrase gives it for the source map. */
const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .replace(/^Error transforming snippet\.ts: /, '')
    .replace(/\s*\(\d+:\d+\)$/, '');

export function transpile(source: string): TranspileResult {
  let javascript: string;
  let tokens: Anchors[];
  try {
    const result = transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      filePath: 'snippet.ts',
      sourceMapOptions: { compiledFilename: 'snippet.js' },
    });
    javascript = result.code;
    tokens = decode(result.sourceMap!.mappings).map((line) => line.map((segment) => [segment[0], segment[3] ?? 0]));
  } catch (error) {
    const { loc } = error as { loc?: { line: number; column: number } };
    return { ok: false, message: describe(error), line: loc?.line ?? 1, column: loc?.column ?? 1 };
  }
  let instrumented: Instrumented;
  try {
    instrumented = instrument(javascript);
  } catch (error) {
    // Code sucrase lets through but JavaScript rejects (an `await` outside an async function, say).
    const { loc } = error as { loc?: { line: number; column: number } };
    const line = loc?.line ?? 1;
    return {
      ok: false,
      message: describe(error),
      line,
      column: throughSucrase(tokens[line - 1], loc?.column ?? 0) + 1,
    };
  }
  return { ok: true, code: withColumnMap(instrumented.code, columnMap(instrumented, tokens)) };
}

function throughSucrase(anchors: Anchors | undefined, column: number): number {
  let original = column;
  for (const [at, to] of anchors ?? []) if (at <= column) original = to + column - at;
  return original;
}

interface Anchor {
  column: number;
  original: number;
  /** Inserted text: each of its columns stands for `original`. */
  frozen: boolean;
}

/** The last anchor at or before `column`, read as columns.ts does. */
function lookUp(anchors: readonly Anchor[], column: number): { original: number; frozen: boolean } {
  let found = { original: column, frozen: false };
  for (const anchor of anchors) {
    if (anchor.column > column) break;
    found = {
      original: anchor.frozen ? anchor.original : anchor.original + column - anchor.column,
      frozen: anchor.frozen,
    };
  }
  return found;
}

/** The instrumented code's columns, line by line, in the snippet: back through the insertions, then through sucrase. */
function columnMap({ inserted }: Instrumented, tokens: readonly Anchors[]): ColumnMap {
  const map: ColumnMap = {};
  const lines = new Set([...inserted.keys(), ...tokens.map((_, index) => index + 1)]);
  for (const line of lines) {
    const insertions = inserted.get(line) ?? [];
    // Run column → JavaScript column: each insertion is frozen at its place, the text after it shifted.
    const toJavaScript: Anchor[] = [];
    let shift = 0;
    for (const [column, length] of insertions) {
      toJavaScript.push({ column: column + shift, original: column, frozen: true });
      shift += length;
      toJavaScript.push({ column: column + shift, original: column, frozen: false });
    }
    const shiftAt = (column: number) =>
      insertions.reduce((sum, [at, length]) => (at <= column ? sum + length : sum), 0);
    const breakpoints = new Set([
      ...toJavaScript.map((anchor) => anchor.column),
      ...(tokens[line - 1] ?? []).map(([column]) => column + shiftAt(column)),
    ]);
    const flat: number[] = [];
    let previous: Anchor = { column: 0, original: 0, frozen: false };
    for (const column of [...breakpoints].sort((a, b) => a - b)) {
      const { original: javascriptColumn, frozen } = lookUp(toJavaScript, column);
      const original = throughSucrase(tokens[line - 1], javascriptColumn);
      const predicted = previous.original + column - previous.column;
      if (frozen || previous.frozen || original !== predicted) {
        flat.push(column, frozen ? -original - 1 : original);
        previous = { column, original, frozen };
      }
    }
    if (flat.length > 0) map[line] = flat;
  }
  return map;
}
