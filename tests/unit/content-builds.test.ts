/**
 * Builds the tiny content trees under tests/fixtures with the real `astro build`
 * (CONTENT_DIR points it there) and checks what a contributor would see.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const astroBin = join(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs');
const outDirs: string[] = [];

function build(fixture: string) {
  const outDir = mkdtempSync(join(tmpdir(), `asyncio-notes-${fixture}-`));
  outDirs.push(outDir);
  const run = spawnSync(process.execPath, [astroBin, 'build', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: `tests/fixtures/${fixture}`, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outDir };
}

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

// Tests in a file run one after another: the builds share the project's content cache.
describe('content builds', () => {
  it('bad frontmatter fails the build, naming each file, line and field with the fix', () => {
    const { status, output } = build('bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('3 frontmatter problems');
    expect(output).toContain(
      'tests/fixtures/bad-frontmatter/notes/bad-order.mdx:5  order: Write order as a whole number, e.g. 2.',
    );
    expect(output).toContain(
      'tests/fixtures/bad-frontmatter/notes/misspelt-field.md:1  updated: Missing field: add "updated:" to the frontmatter.',
    );
    expect(output).toContain(
      'tests/fixtures/bad-frontmatter/notes/misspelt-field.md:6  tagz: Unknown field. Fix its spelling or remove it.',
    );
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });

  it('drafts are left out of the production build: no page, no link, no sitemap entry, no search record', () => {
    const { status, output, outDir } = build('drafts');
    expect(status, output).toBe(0);
    const page = (path: string) => join(outDir, path, 'index.html');
    expect(existsSync(page('published'))).toBe(true);
    expect(existsSync(page('unfinished'))).toBe(false);
    const everything = ['index.html', 'published/index.html', '404.html', 'sitemap-0.xml']
      .map((file) => readFileSync(join(outDir, file), 'utf8'))
      .join('\n');
    expect(everything).toContain('A published note');
    expect(everything).not.toMatch(/unfinished|An unfinished draft/);
    // Pagefind's fragments (gzipped, one per indexed page) name each page's URL.
    const fragments = join(outDir, 'pagefind', 'fragment');
    const indexed = readdirSync(fragments).map((name) =>
      gunzipSync(readFileSync(join(fragments, name))).toString('utf8'),
    );
    expect(indexed.some((fragment) => fragment.includes('"url":"/published/"'))).toBe(true);
    expect(indexed.filter((fragment) => /unfinished|An unfinished draft/.test(fragment))).toEqual([]);
  });
});
