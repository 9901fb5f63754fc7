/**
 * Content files are what they seem, through the doors a contributor uses: `astro build` and `npm run check`'s content
 * step refuse the same files with the same lines. Links and odd names are made at test time in a copy of the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { isolatedProject, localBin, runScript } from '../helpers/isolated-project';

const note = (title: string, text: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: A note of the file-tricks fixture, long enough for the schema.\nsection: Fixtures\norder: 3\nupdated: 2026-11-25\n---\n\n${text}\n`;

const project = isolatedProject('tests/fixtures/drafts');
afterAll(project.dispose);
const notes = join(project.root, 'content/notes');
const outside = join(project.root, 'outside');
mkdirSync(outside);
writeFileSync(join(outside, 'secret.mdx'), note('Published from outside', 'SECRET-FROM-OUTSIDE-CONTENT'));
symlinkSync(join(outside, 'secret.mdx'), join(notes, 'linked.mdx'));
symlinkSync(outside, join(notes, 'linked-folder'));
writeFileSync(join(notes, 'a#b.mdx'), note('Hash', 'A name with a hash.'));
writeFileSync(join(notes, 'с10k.mdx'), note('Look-alike', 'A name with a Cyrillic letter.'));
writeFileSync(join(notes, 'old.md'), note('Markdown', 'A .md note.'));
writeFileSync(join(notes, 'bidi.mdx'), note('Invoice \u202Efdp.exe', 'A title that shows as another.'));

const expected = [
  'content/notes/a#b.mdx: the name holds "#", which a URL reads as the start of a fragment, so the build would read another file',
  'content/notes/bidi.mdx:2:8: field "title": the title holds U+202E, a bidirectional control',
  'content/notes/linked-folder: this is a symbolic link, which the build follows to what it points at, even outside content/',
  'content/notes/linked.mdx: this is a symbolic link',
  'content/notes/old.md: notes are .mdx files: rename it to .mdx, or convert it with `npm run import -- content/notes/old.md` (a plain Markdown note without frontmatter) and delete it.',
  'content/notes/с10k.mdx: the name mixes Latin and Cyrillic letters in "с10k"',
];

it('the build and the content step refuse links out of content/, unsafe names, a .md note and a deceptive title alike', async () => {
  const build = spawnSync(localBin('astro'), ['build'], {
    cwd: project.root,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const built = `${build.stdout}\n${build.stderr}`;
  expect(build.status, built).not.toBe(0);
  expect(built).toContain('6 content problems');
  for (const line of expected) expect(built).toContain(line);
  expect(built).not.toMatch(/^\s+at /m);
  expect(existsSync(join(project.root, 'dist'))).toBe(false);

  const check = await runScript(project.root, 'scripts/check/content.ts', []);
  expect(check.code).toBe(1);
  for (const line of expected) expect(check.output).toContain(line);
  expect(check.output).toContain('6 content problem(s)');
});
