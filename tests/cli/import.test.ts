/**
 * `npm run import` end to end, in a throwaway copy of the project: the page it
 * writes passes the content check, Prettier and the build with no edits.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedProject, runBin, runCheck, runScript } from '../helpers/isolated-project';

const intro = resolve('tests/fixtures/notes/asyncio-introduction.md');
const eventLoop = resolve('tests/fixtures/import/event-loop-basics.md');
const importNote = (root: string, ...args: string[]) => runScript(root, 'scripts/import/cli.ts', args);
const fixture = (name: string) => resolve('tests/fixtures/import', name);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A note of the collision tree as the importer names it: from the project copy it runs in. */
const shown = (name: string) => `${fixture('collision-content')}/notes/${name}`;

describe('npm run import', async () => {
  const project = isolatedProject('content');
  afterAll(project.dispose);
  const first = await importNote(project.root, intro);
  const second = await importNote(project.root, eventLoop, '--section', 'Event loops');
  // Refused before anything is written, so they run beside the check; the collisions against a content tree of their own.
  const collisions = { CONTENT_DIR: fixture('collision-content') };
  // Prettier checks only what the importer wrote: the check step's format gate covers the rest of the project.
  const written = [
    'content/notes/asyncio-introduction.mdx',
    'content/notes/event-loop-basics.mdx',
    'content/sources/sources.yaml',
  ];
  const [check, format, ...refused] = await Promise.all([
    runCheck(project.root, ['--only', 'content,build']),
    runBin(project.root, 'prettier', ['--check', ...written]),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('bad-percent-escape.md')]),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('latin1.md')]),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('yaml-bomb.md')]),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('sources-title.md')]),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('c10k.md'), '--force'], collisions),
    runScript(project.root, 'scripts/import/cli.ts', [fixture('probe-page.md')], collisions),
  ]);
  // Notes the check or the build would refuse: a URL of a section folder or a section page, a name or title it refuses.
  const sectionClash = (...args: string[]) => runScript(project.root, 'scripts/import/cli.ts', args, collisions);
  const wouldFail = await Promise.all([
    sectionClash(fixture('guide.md')),
    sectionClash(eventLoop, '--section', 'Event Loop Basics'),
    sectionClash(eventLoop, '--section', 'guide'),
    sectionClash(eventLoop, '--section', 'C10K'),
    sectionClash(eventLoop, '--section', 'Sources'),
    sectionClash(fixture('con.md')),
    sectionClash(fixture('bidi-title.md')),
  ]);

  it('creates the page and says what it created', () => {
    expect(first.code).toBe(0);
    expect(first.output).toContain('Created content/notes/asyncio-introduction.mdx');
    expect(first.output).toMatch(/content\s+4 sections, 3 quotes, 6 links, 1 tables, 0 code blocks/);
    expect(existsSync(join(project.root, 'content/notes/asyncio-introduction.mdx'))).toBe(true);
    expect(second.output).toContain('Created content/notes/event-loop-basics.mdx');
    expect(second.output).toMatch(/sidebar\s+"Event loops", order/);
  });

  it('registers the new sources it links to', () => {
    expect(second.output).toContain('Registered 4 new source(s) in content/sources/sources.yaml');
    const registry = readFileSync(join(project.root, 'content/sources/sources.yaml'), 'utf8');
    expect(registry).toContain('url: https://docs.python.org/3/library/asyncio-eventloop.html');
  });

  it('the created pages pass the content check, Prettier and the build unchanged', () => {
    expect(check.output).toMatch(/check passed/);
    expect(check.code).toBe(0);
    expect(format.output).toContain('All matched files use Prettier code style!');
    expect(format.code).toBe(0);
  });

  it('never overwrites a page unless told to', async () => {
    const again = await importNote(project.root, intro);
    expect(again.code).toBe(1);
    expect(again.output).toContain(
      'import: content/notes/asyncio-introduction.mdx already exists; nothing was written.',
    );
    const forced = await importNote(project.root, intro, '--force');
    expect(forced.code).toBe(0);
  });

  it('never writes through a symbolic link: a linked note --force would replace, or a linked notes folder', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'import-links-'));
    try {
      mkdirSync(join(tree, 'linked-file/notes'), { recursive: true });
      writeFileSync(join(tree, 'outside.txt'), 'kept');
      symlinkSync(join(tree, 'outside.txt'), join(tree, 'linked-file/notes/c10k.mdx'));
      mkdirSync(join(tree, 'linked-folder'));
      mkdirSync(join(tree, 'elsewhere'));
      symlinkSync(join(tree, 'elsewhere'), join(tree, 'linked-folder/notes'));
      const into = (content: string, ...args: string[]) =>
        runScript(project.root, 'scripts/import/cli.ts', [fixture('c10k.md'), '--section', 'Basics', ...args], {
          CONTENT_DIR: join(tree, content),
        });
      const [file, folder] = await Promise.all([into('linked-file', '--force'), into('linked-folder')]);
      const link =
        'this is a symbolic link, which the build follows to what it points at, even outside content/: replace it with the file or folder itself; nothing was written.';
      expect(file.output.trim()).toMatch(new RegExp(`^import: \\S*linked-file/notes/c10k\\.mdx: ${escape(link)}$`));
      expect(folder.output.trim()).toMatch(new RegExp(`^import: \\S*linked-folder/notes: ${escape(link)}$`));
      expect([file.code, folder.code]).toEqual([1, 1]);
      expect(readFileSync(join(tree, 'outside.txt'), 'utf8')).toBe('kept');
      expect(readdirSync(join(tree, 'elsewhere'))).toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('explains why a file is not a note', async () => {
    const readme = await importNote(project.root, resolve('README.md'));
    expect(readme.code).toBe(1);
    expect(readme.output).toMatch(
      /README\.md:1: this is not a note in the notes' style: it must start with a "## Title"/,
    );
    expect(readme.output).not.toMatch(/^\s+at /m);
    const json = await importNote(project.root, resolve('package.json'));
    expect(json.output).toMatch(/package\.json: not a Markdown note/);
  });

  it('refuses bad input and a note whose URL is taken with one line naming the file and what to do, writing nothing', () => {
    const lines = refused.map(({ code, output }) => {
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      return output.trim();
    });
    expect(lines).toEqual([
      `import: ${fixture('bad-percent-escape.md')}:7: the link https://example.com/guides/100%-async has a malformed "%" escape; write a literal "%" as %25, or correct the escape (%20 for a space), and import again.`,
      `import: ${fixture('latin1.md')}:1: the file is not UTF-8 text (byte 0xE9), probably Latin-1 or Windows-1252: convert it with \`iconv -f latin1 -t utf-8 ${fixture('latin1.md')} > note-utf8.md\` and import that.`,
      expect.stringMatching(
        /^import: .*yaml-bomb\.md:1: the file starts with a YAML frontmatter block that uses 72 alias\(es\) \(\*name\), .*: delete the block and start the file with the "## Title" heading\.$/,
      ),
      `import: the title "Sources" gives the note the URL /sources/, which is already src/pages/sources.astro's; nothing was written. Give the note another "## Title".`,
      `import: ${shown('C10K.mdx')} already has the URL /c10k/ that this note would get; nothing was written. Import under another "## Title", or edit that note.`,
      `import: ${shown('Probe-Page.mdx')} already has the URL /probe-page/ that this note would get; nothing was written. Import under another "## Title", or edit that note.`,
    ]);
    expect(existsSync(join(project.root, 'content/notes/sources.mdx'))).toBe(false);
    expect(readdirSync(fixture('collision-content/notes')).sort()).toEqual(['C10K.mdx', 'Probe-Page.mdx', 'guide']);
  });

  it('refuses, in one line and writing nothing, a note whose URL or new section page another page, folder or section has, or whose name or title the check refuses', () => {
    const lines = wouldFail.map(({ code, output }) => {
      expect(code, output).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      return output.trim();
    });
    const target = `${fixture('collision-content')}/notes`;
    expect(lines).toEqual([
      `import: the title "Guide" gives the note the URL /guide/, the page of the section folder ${shown('guide')}/; nothing was written. Give the note another "## Title".`,
      `import: the title "Event Loop Basics" gives the note the URL /event-loop-basics/, which is also the page of the section "Event Loop Basics"; nothing was written. Import it into another section with --section, or give it another "## Title".`,
      `import: the note would open the new section "guide", whose page would be /guide/, which the section "Guide" already has; nothing was written. Import it into "Guide" with --section, or under another section name.`,
      `import: the note would open the new section "C10K", whose page would be /c10k/, the URL of ${shown('C10K.mdx')}; nothing was written. Import it into an existing section with --section, or under another section name.`,
      `import: the note would open the new section "Sources", whose page would be /sources/, which is already src/pages/sources.astro's; nothing was written. Import it into an existing section with --section, or under another section name.`,
      `import: the title "Con" gives the file name ${target}/con.mdx, which the check refuses ("con" is a device name on Windows, where the file cannot be checked out: rename it); nothing was written. Give the note another "## Title".`,
      `import: ${fixture('bidi-title.md')}: field "title": the title holds U+202E, a bidirectional control that reorders the text shown around it: retype it with only the characters it shows; nothing was written.`,
    ]);
    expect(readdirSync(fixture('collision-content/notes')).sort()).toEqual(['C10K.mdx', 'Probe-Page.mdx', 'guide']);
  });
});
