import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isolatedProject } from '../helpers/isolated-project';

/**
 * The whole build, on a tiny content tree whose only note has a broken
 * comparison table: it must stop, and say where and what to fix. It builds in
 * a copy of the project so it cannot race the build `npm run check` runs.
 */
describe('a broken comparison table', () => {
  it('fails `astro build` with the file, the lines and the fixes', () => {
    const project = isolatedProject('content', ['tests/fixtures/bad-table']);
    try {
      const build = spawnSync('npx', ['astro', 'build'], {
        cwd: project.root,
        env: { ...process.env, CONTENT_DIR: 'tests/fixtures/bad-table' },
        encoding: 'utf8',
      });
      const output = `${build.stdout}\n${build.stderr}`;
      expect(build.status, output).not.toBe(0);
      const file = 'tests/fixtures/bad-table/notes/bad-table.mdx';
      expect(output).toContain('3 comparison table problems need fixing:');
      expect(output).toContain(
        `${file}:13: table "concurrency-models": the header "Name" names columns 1 and 3. Give every column a distinct name.`,
      );
      expect(output).toContain(
        `${file}:15: table "concurrency-models": row 1 ("Processes") has 2 cells but the header has 3. Add the missing cells`,
      );
      expect(output).toContain(
        `${file}:17: table "concurrency-models": rows 2 and 3 both get the anchor #concurrency-models-threads. Make their first cells differ.`,
      );
    } finally {
      project.dispose();
    }
  });
});
