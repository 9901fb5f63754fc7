import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees, firstDifference, hashTree, isIdentical } from '../../../scripts/lib/tree-hash.ts';

const root = mkdtempSync(join(tmpdir(), 'tree-hash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('tree hashes', () => {
  it('finds two identical trees identical', () => {
    const files = { 'index.html': '<p>a</p>', 'pagefind/fragment/en_1.pf_fragment': 'x' };
    expect(isIdentical(compareTrees(hashTree(tree('a', files)), hashTree(tree('b', files))))).toBe(true);
  });

  it('reports changed files and files only one side has', () => {
    const first = hashTree(
      tree('c', { 'index.html': '<p>a</p>', 'sitemap-0.xml': '<lastmod>1</lastmod>', 'old.js': '' }),
    );
    const second = hashTree(
      tree('d', { 'index.html': '<p>a</p>', 'sitemap-0.xml': '<lastmod>2</lastmod>', 'new.js': '' }),
    );
    expect(compareTrees(first, second)).toEqual({
      changed: ['sitemap-0.xml'],
      onlyInFirst: ['old.js'],
      onlyInSecond: ['new.js'],
    });
  });

  it('shows where two texts first differ', () => {
    expect(firstDifference('<lastmod>2026-01-01</lastmod>', '<lastmod>2026-01-02</lastmod>', 5)).toBe(
      '…-01-01</la…\n    vs …-01-02</la…',
    );
  });
});
