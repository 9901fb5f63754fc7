/**
 * Nothing is lost: two notes at one URL, or a note at a page's URL, fail the build naming both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isolatedProject, localBin } from '../helpers/isolated-project';

function build(tree: string) {
  const project = isolatedProject('content', [tree]);
  try {
    const run = spawnSync(localBin('astro'), ['build'], {
      cwd: project.root,
      env: { ...process.env, CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    return {
      status: run.status,
      output: `${run.stdout}\n${run.stderr}`,
      built: existsSync(join(project.root, 'dist')),
    };
  } finally {
    project.dispose();
  }
}

it('two notes at one URL, or a note at the URL of a page, a build folder, a folder of notes or its own section page, fail the build naming both', () => {
  const notes = 'tests/fixtures/routes/notes';
  const { status, output, built } = build('tests/fixtures/routes');
  expect(status, output).not.toBe(0);
  expect(built).toBe(false);
  expect(output).toContain('8 note URLs need fixing:');
  for (const line of [
    `${notes}/c10k.mdx: this note and ${notes}/c1.0k.mdx both have the URL /c10k/, so one would replace the other. Rename one of the files.`,
    `${notes}/probe-page.mdx: this note and ${notes}/probe-pa.ge.mdx both have the URL /probe-page/`,
    `${notes}/guide/index.mdx: this note and ${notes}/guide.mdx both have the URL /guide/`,
    `${notes}/event-loops.mdx: this note's URL /event-loops/ is also the page of the section "Event loops", so one would replace the other`,
    `${notes}/sources.mdx: this note's URL /sources/ is already src/pages/sources.astro's, so one would replace the other.`,
    `${notes}/404.mdx: this note's URL /404/ is already src/pages/404.astro's`,
    `${notes}/pagefind.mdx: this note's URL /pagefind/ is already the build's pagefind/ folder's`,
    `${notes}/guide.mdx: this note's URL /guide/ is the index of the folder ${notes}/guide/, which belongs to the notes in it.`,
  ]) {
    expect(output).toContain(line);
  }
  expect(output).not.toContain('unique.mdx');
  expect(output).not.toMatch(/^\s+at /m);
});
