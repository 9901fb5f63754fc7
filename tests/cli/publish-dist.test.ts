/**
 * `npm run build` on the drafts fixture, in a copy of the project: drafts are left out of the site, and `dist/` is
 * replaced only by a complete, checked build — a build that fails while rendering, or on the link check after every
 * page was written, leaves the previous `dist/` byte for byte as it was. The first build serves every test.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashTree } from '../../scripts/lib/tree-hash';
import { buildFixture, runBin, type FixtureBuild } from '../helpers/isolated-project';

const tree = 'tests/fixtures/drafts';
let first: FixtureBuild;
let previous: Map<string, string>;

/** `astro build` again in the same copy, after a test changed it. */
const rebuild = () => runBin(first.root, 'astro', ['build'], { CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' });

beforeAll(async () => {
  first = await buildFixture(tree);
  expect(first.code, first.output).toBe(0);
  expect(first.output).toContain('the checked site replaced dist/');
  previous = hashTree(first.dist);
  expect([...previous.keys()]).toEqual(expect.arrayContaining(['published/index.html', 'pagefind/pagefind.js']));
}, 600_000);
afterAll(() => first?.dispose());

it('drafts are left out of the production build: no page, no link, no sitemap entry, no search record; the plain article keeps its budget', () => {
  const dist = first.dist;
  expect(existsSync(join(dist, 'published', 'index.html'))).toBe(true);
  expect(existsSync(join(dist, 'unfinished', 'index.html'))).toBe(false);
  const everything = ['index.html', 'published/index.html', '404.html', 'sitemap-0.xml']
    .map((file) => readFileSync(join(dist, file), 'utf8'))
    .join('\n');
  expect(everything).toContain('A published note');
  expect(everything).not.toMatch(/unfinished|An unfinished draft/);
  // Pagefind's fragments (gzipped, one per indexed page) name each page's URL.
  const fragments = join(dist, 'pagefind', 'fragment');
  const indexed = readdirSync(fragments).map((name) =>
    gunzipSync(readFileSync(join(fragments, name))).toString('utf8'),
  );
  expect(indexed.some((fragment) => fragment.includes('"url":"/published/"'))).toBe(true);
  expect(indexed.filter((fragment) => /unfinished|An unfinished draft/.test(fragment))).toEqual([]);
  // The site's own notes all have tables or snippets: this page is the one plain article that
  // `npm run size` gets to weigh against the article budget (≤ 20 kB, of which JS ≤ 2 kB).
  const size = spawnSync(process.execPath, ['scripts/size.ts', '--dist', dist], { encoding: 'utf8' });
  expect(size.status, `${size.stdout}\n${size.stderr}`).toBe(0);
  expect(size.stdout).toMatch(/\| article +\| 1 +\| \/published\//);
});

it('a page that throws while rendering fails the build and leaves the previous dist/ untouched', async () => {
  const page = join(first.root, 'src/pages/throws.astro');
  writeFileSync(page, "---\nthrow new Error('this page cannot render');\n---\n");
  try {
    const failed = await rebuild();
    expect(failed.code, failed.output).not.toBe(0);
    expect(failed.output).toContain('this page cannot render');
    expect(hashTree(first.dist)).toEqual(previous);
  } finally {
    writeFileSync(page, '---\n---\n<p>renders</p>\n');
  }
}, 600_000);

it('a broken link fails the build after every page was written, and leaves the previous dist/ untouched', async () => {
  const note = join(first.root, tree, 'notes/broken-link.mdx');
  writeFileSync(
    note,
    '---\ntitle: A broken link\ndescription: This note links to a page that does not exist, so the link check must fail.\nsection: Fixtures\norder: 3\nupdated: 2026-11-25\n---\n\nSee [nowhere](/nowhere/).\n',
  );
  const failed = await rebuild();
  expect(failed.code, failed.output).not.toBe(0);
  expect(failed.output).toMatch(/A link needs fixing:\n.*\/nowhere\//);
  expect(hashTree(first.dist)).toEqual(previous);
}, 600_000);
