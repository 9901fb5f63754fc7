/**
 * Hashes of every file in a directory tree, and the differences between two
 * such trees: how the reproducibility check tells two builds apart.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Relative path (with `/`) → SHA-256 of the file's bytes. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, path).split(sep).join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

export interface TreeDifference {
  changed: string[];
  onlyInFirst: string[];
  onlyInSecond: string[];
}

export function compareTrees(first: Map<string, string>, second: Map<string, string>): TreeDifference {
  const changed: string[] = [];
  const onlyInFirst: string[] = [];
  for (const [path, hash] of first) {
    const other = second.get(path);
    if (other === undefined) onlyInFirst.push(path);
    else if (other !== hash) changed.push(path);
  }
  const onlyInSecond = [...second.keys()].filter((path) => !first.has(path));
  return { changed: changed.sort(), onlyInFirst: onlyInFirst.sort(), onlyInSecond: onlyInSecond.sort() };
}

export function isIdentical(difference: TreeDifference): boolean {
  return difference.changed.length + difference.onlyInFirst.length + difference.onlyInSecond.length === 0;
}

/** Where two versions of a text file first part, with a little context: enough to name the cause. */
export function firstDifference(first: string, second: string, context = 60): string {
  let at = 0;
  while (at < first.length && first[at] === second[at]) at++;
  const start = Math.max(0, at - context);
  return `…${first.slice(start, at + context)}…\n    vs …${second.slice(start, at + context)}…`;
}
