/**
 * Where a column of the JavaScript that runs was in the snippet's TypeScript. The transpiler (transpile.ts) keeps
 * every line in place but moves columns: sucrase drops types, the instrumentation (instrument.ts) inserts calls. It
 * appends this map to the code as a last comment line, so the sandbox (sandbox.ts) can name an error's column without
 * a parser, and a run of code from anywhere else simply has no map.
 */

/**
 * Per line (1-based) of the code, anchors `[column, original, column, original, …]` (0-based, ascending): from
 * `column` on, a column `c` was at `original + (c - column)` in the snippet. A negative `original` (`-o - 1`) marks
 * inserted text: every column of it stands for the snippet's `o`. Lines without anchors kept their columns.
 */
export type ColumnMap = Record<number, number[]>;

const MARK = '\n//# columns=';

/** The code with its map as a last line of its own, so no earlier line moves. */
export function withColumnMap(code: string, map: ColumnMap): string {
  return Object.keys(map).length === 0 ? code : `${code}${MARK}${JSON.stringify(map)}`;
}

/** The map appended to `code`, or an empty one: a snippet that forged its own only spoils its own positions. */
export function readColumnMap(code: string): ColumnMap {
  const at = code.lastIndexOf(MARK);
  if (at < 0) return {};
  try {
    const map: unknown = JSON.parse(code.slice(at + MARK.length));
    return typeof map === 'object' && map !== null ? (map as ColumnMap) : {};
  } catch {
    return {};
  }
}

/** The snippet's column (0-based) for `column` (0-based) on `line` (1-based) of the code. */
export function originalColumn(map: ColumnMap, line: number, column: number): number {
  const anchors = map[line];
  let original = column;
  if (!Array.isArray(anchors)) return original;
  for (let index = 0; index + 1 < anchors.length && anchors[index]! <= column; index += 2) {
    const at = anchors[index + 1]!;
    original = at < 0 ? -at - 1 : at + column - anchors[index]!;
  }
  return original;
}
