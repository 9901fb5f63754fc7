/**
 * `dist/` is replaced only by a complete, checked build: a build that fails while rendering, or on the link check
 * after every page was written, leaves the previous `dist/` byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashTree } from '../../scripts/lib/tree-hash';
import { isolatedProject, localBin } from '../helpers/isolated-project';

const tree = 'tests/fixtures/drafts';
const project = isolatedProject('content', [tree]);
const dist = join(project.root, 'dist');
let previous: Map<string, string>;

function build() {
  const run = spawnSync(localBin('astro'), ['build'], {
    cwd: project.root,
    env: { ...process.env, CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

beforeAll(() => {
  const first = build();
  expect(first.status, first.output).toBe(0);
  expect(first.output).toContain('the checked site replaced dist/');
  previous = hashTree(dist);
  expect([...previous.keys()]).toEqual(expect.arrayContaining(['published/index.html', 'pagefind/pagefind.js']));
}, 600_000);
afterAll(() => project.dispose());

it('a page that throws while rendering fails the build and leaves the previous dist/ untouched', () => {
  const page = join(project.root, 'src/pages/throws.astro');
  writeFileSync(page, "---\nthrow new Error('this page cannot render');\n---\n");
  try {
    const failed = build();
    expect(failed.status, failed.output).not.toBe(0);
    expect(failed.output).toContain('this page cannot render');
    expect(hashTree(dist)).toEqual(previous);
  } finally {
    writeFileSync(page, '---\n---\n<p>renders</p>\n');
  }
}, 600_000);

it('a broken link fails the build after every page was written, and leaves the previous dist/ untouched', () => {
  const note = join(project.root, tree, 'notes/broken-link.mdx');
  writeFileSync(
    note,
    '---\ntitle: A broken link\ndescription: This note links to a page that does not exist, so the link check must fail.\nsection: Fixtures\norder: 3\nupdated: 2026-11-25\n---\n\nSee [nowhere](/nowhere/).\n',
  );
  const failed = build();
  expect(failed.status, failed.output).not.toBe(0);
  expect(failed.output).toMatch(/A link needs fixing:\n.*\/nowhere\//);
  expect(hashTree(dist)).toEqual(previous);
}, 600_000);
