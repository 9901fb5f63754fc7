/**
 * `npm run build` itself (not only `npm run check`) on the tiny content trees
 * under tests/fixtures, each built in a copy of the project (CONTENT_DIR points
 * it at the fixture), as a contributor or a deploy would run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isolatedProject, localBin } from '../helpers/isolated-project';

function build(fixture: string, check: (result: { status: number | null; output: string; dist: string }) => void) {
  const tree = `tests/fixtures/${fixture}`;
  const project = isolatedProject('content', [tree]);
  try {
    const run = spawnSync(localBin('astro'), ['build'], {
      cwd: project.root,
      env: { ...process.env, CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    check({ status: run.status, output: `${run.stdout}\n${run.stderr}`, dist: join(project.root, 'dist') });
  } finally {
    project.dispose();
  }
}

describe('npm run build on content fixtures', () => {
  it('bad frontmatter fails the build, naming each file, line and field with the fix', () => {
    build('bad-frontmatter', ({ status, output }) => {
      expect(status).not.toBe(0);
      const notes = 'tests/fixtures/bad-frontmatter/notes';
      expect(output).toContain('3 frontmatter problems');
      expect(output).toContain(`${notes}/bad-order.mdx:5:8: field "order": Write order as a whole number, e.g. 2.`);
      expect(output).toContain(
        `${notes}/misspelt-field.md:2:1: missing field "updated": add a line "updated: …" to the frontmatter.`,
      );
      expect(output).toContain(
        `${notes}/misspelt-field.md:6:1: unknown field "tagz": remove it or correct its spelling`,
      );
      expect(output).not.toMatch(/Stack trace|\n\s+at /);
    });
  });

  it('drafts are left out of the production build: no page, no link, no sitemap entry, no search record; the plain article keeps its budget', () => {
    build('drafts', ({ status, output, dist }) => {
      expect(status, output).toBe(0);
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
  });
});
