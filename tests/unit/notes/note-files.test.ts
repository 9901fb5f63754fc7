/**
 * Content files are what they seem: each trick is built in a throwaway content tree (links and odd names are awkward
 * in git) and must be refused by contentFiles, which both `npm run check`'s content step and the build call.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkNotes } from '../../../src/features/notes/content-check';
import { contentFiles, NAME_MAX, PATH_MAX } from '../../../src/features/notes/note-files';
import { formatContentProblem } from '../../../src/core/content-error';

const note = (title = 'A note') =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: A note of a test content tree, long enough for the schema.\nsection: Tests\norder: 1\nupdated: 2026-11-25\n---\n\nText.\n`;

let made: string[] = [];
afterEach(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made = [];
});

/** A content tree with `files` under notes/ (path → text); returns its root and a folder outside it. */
function tree(files: Record<string, string> = {}): { root: string; outside: string; notes: string } {
  const base = mkdtempSync(join(tmpdir(), 'note-files-'));
  made.push(base);
  const root = join(base, 'content');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'notes'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.mdx'), note('Text from outside the repository'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'notes', path, '..'), { recursive: true });
    writeFileSync(join(root, 'notes', path), text);
  }
  return { root, outside, notes: join(root, 'notes') };
}

/** Each refused file, as `<path under notes/>: <message>`. */
function refused(root: string): string[] {
  return contentFiles(root).problems.map(
    (problem) => `${relative(join(root, 'notes'), join(process.cwd(), problem.file))}: ${problem.message}`,
  );
}

describe('content files are what they seem', () => {
  it('lets a tree of safe names through, and every note of the site', () => {
    const { root } = tree({ 'intro/what-is_it.v2.mdx': note(), 'Top.mdx': note() });
    expect(contentFiles(root)).toEqual({
      notes: [join(root, 'notes/Top.mdx'), join(root, 'notes/intro/what-is_it.v2.mdx')],
      problems: [],
    });
    expect(contentFiles('content').problems).toEqual([]);
    expect(checkNotes('content')).toEqual([]);
  });

  it('refuses "#", "?", "%" and spaces in names, which the build reads as another file or address', () => {
    const { root } = tree({
      'a#b.mdx': note(),
      'why?.mdx': note(),
      '100%.mdx': note(),
      'two words.mdx': note(),
      'odd folder/x.mdx': note(),
    });
    expect(refused(root)).toEqual([
      '100%.mdx: the name holds "%", which a URL reads as an escape, so the page\'s address would not be its name: rename it with only letters a-z and A-Z, digits, "-", "_" and ".".',
      'a#b.mdx: the name holds "#", which a URL reads as the start of a fragment, so the build would read another file: rename it with only letters a-z and A-Z, digits, "-", "_" and ".".',
      'odd folder: the name holds a space: rename it with only letters a-z and A-Z, digits, "-", "_" and ".".',
      'two words.mdx: the name holds a space: rename it with only letters a-z and A-Z, digits, "-", "_" and ".".',
      'why?.mdx: the name holds "?", which a URL reads as the start of a query, so the build would read another file: rename it with only letters a-z and A-Z, digits, "-", "_" and ".".',
    ]);
    expect(contentFiles(root).notes).toEqual([]);
  });

  it('refuses look-alike letters, bidirectional controls and zero-width characters in names', () => {
    const { root } = tree({
      'с10k.mdx': note(),
      'x\u202egnp.mdx': note(),
      'zero\u200bwidth/a.mdx': note(),
      'café.mdx': note(),
    });
    expect(refused(root)).toEqual([
      expect.stringMatching(
        /^café\.mdx: the name holds "é" \(U\+00E9\), which is not an ASCII letter or digit: rename it/,
      ),
      expect.stringMatching(
        /^x.gnp\.mdx: the name holds U\+202E, a bidirectional control that reorders the text shown around it: rename it/,
      ),
      expect.stringMatching(/^zero.width: the name holds U\+200B, a zero-width character: rename it/),
      expect.stringMatching(
        /^с10k\.mdx: the name mixes Latin and Cyrillic letters in "с10k" \("с" is U\+0441, a Cyrillic letter that looks like a Latin one\): rename it/,
      ),
    ]);
  });

  it('refuses a symbolic link to a note or a folder outside content/, and never lists what it points at', () => {
    const { root, outside, notes } = tree({ 'kept.mdx': note() });
    symlinkSync(join(outside, 'secret.mdx'), join(notes, 'linked.mdx'));
    symlinkSync(outside, join(notes, 'linked-folder'));
    symlinkSync('../../outside/secret.mdx', join(notes, 'relative.mdx'));
    const link =
      'this is a symbolic link, which the build follows to what it points at, even outside content/: replace it with the file or folder itself.';
    expect(refused(root)).toEqual([`linked-folder: ${link}`, `linked.mdx: ${link}`, `relative.mdx: ${link}`]);
    expect(contentFiles(root).notes).toEqual([join(notes, 'kept.mdx')]);
  });

  it('refuses a linked notes folder, a linked content folder and a linked source registry', () => {
    const linkedNotes = tree();
    rmSync(linkedNotes.notes, { recursive: true });
    symlinkSync(linkedNotes.outside, linkedNotes.notes);
    expect(contentFiles(linkedNotes.root).problems.map((problem) => problem.file)).toEqual([
      relative(process.cwd(), linkedNotes.notes),
    ]);
    expect(contentFiles(linkedNotes.root).notes).toEqual([]);

    const { root, outside } = tree({ 'a.mdx': note() });
    const linkedRoot = join(outside, 'content-link');
    symlinkSync(root, linkedRoot);
    expect(contentFiles(linkedRoot)).toEqual({
      notes: [],
      problems: [
        {
          file: relative(process.cwd(), linkedRoot),
          message: 'the content folder is a symbolic link: the build would read what it points at. Use a real folder.',
        },
      ],
    });

    mkdirSync(join(root, 'sources'));
    symlinkSync(join(outside, 'secret.mdx'), join(root, 'sources', 'sources.yaml'));
    expect(contentFiles(root).problems.map((problem) => problem.file)).toEqual([
      relative(process.cwd(), join(root, 'sources', 'sources.yaml')),
    ]);
  });

  it('says how to turn a .md note into an .mdx one, and refuses any other file under notes/', () => {
    const { root, notes } = tree({
      'old.md': note(),
      'deep/Old.MD': note(),
      'diagram.png': 'png',
      'a.markdown': note(),
    });
    const shown = (file: string) => relative(process.cwd(), join(notes, file));
    expect(refused(root)).toEqual([
      'a.markdown: only notes (.mdx files) live under notes/: move this file out of the folder, or rename it to .mdx if it is a note.',
      `deep/Old.MD: notes are .mdx files: rename it to .mdx, or convert it with \`npm run import -- ${shown('deep/Old.MD')}\` (a plain Markdown note without frontmatter) and delete it.`,
      'diagram.png: only notes (.mdx files) live under notes/: move this file out of the folder, or rename it to .mdx if it is a note.',
      `old.md: notes are .mdx files: rename it to .mdx, or convert it with \`npm run import -- ${shown('old.md')}\` (a plain Markdown note without frontmatter) and delete it.`,
    ]);
  });
});

describe('other file tricks', () => {
  it('refuses names one case apart, which are one file on macOS and Windows', () => {
    const { root } = tree({ 'A.mdx': note(), 'a.mdx': note(), 'Guide/x.mdx': note(), 'guide/y.mdx': note() });
    expect(refused(root)).toEqual([
      "a.mdx: its name differs from A.mdx's only in case: on macOS and Windows they are one file. Rename one of them.",
      "guide: its name differs from Guide's only in case: on macOS and Windows they are one file. Rename one of them.",
    ]);
  });

  it('refuses hidden names (the build skips them, the check would read them), a final ".", device names and long names', () => {
    const long = `${'x'.repeat(NAME_MAX - 4)}.mdx`;
    const { root } = tree({
      '.hidden.mdx': note(),
      '.drafts/a.mdx': note(),
      'folder./a.mdx': note(),
      'con.mdx': note(),
      'LPT1.notes.mdx': note(),
      [long]: note(),
      [`${long}x`]: note(),
    });
    expect(refused(root)).toEqual([
      '.drafts: a name starting with "." is hidden, and the build skips it while the check reads it: rename it without the leading ".".',
      '.hidden.mdx: a name starting with "." is hidden, and the build skips it while the check reads it: rename it without the leading ".".',
      'LPT1.notes.mdx: "LPT1" is a device name on Windows, where the file cannot be checked out: rename it.',
      'con.mdx: "con" is a device name on Windows, where the file cannot be checked out: rename it.',
      'folder.: Windows drops a name\'s final ".": remove it.',
      `${long}x: the name is ${NAME_MAX + 1} characters long: shorten it to ${NAME_MAX} or fewer.`,
    ]);
  });

  it('refuses a path under notes/ longer than Windows and readers can take, however short each name', () => {
    const deep = `${Array.from({ length: 8 }, (_, i) => `${'d'.repeat(24)}${i}`).join('/')}/note.mdx`;
    const { root } = tree({ [deep]: note(), 'short/note.mdx': note() });
    expect(deep.length).toBeGreaterThan(PATH_MAX);
    expect(refused(root)).toEqual([
      `${deep}: the path under notes/ is ${deep.length} characters long: shorten it to ${PATH_MAX} or fewer (fewer or shorter folders).`,
    ]);
  });

  it('refuses a hard link (the same text lives elsewhere) and a named pipe (reading it would hang the check)', () => {
    const { root, outside, notes } = tree();
    linkSync(join(outside, 'secret.mdx'), join(notes, 'hard.mdx'));
    execFileSync('mkfifo', [join(notes, 'pipe.mdx')]);
    expect(refused(root)).toEqual([
      'hard.mdx: this file is a hard link: the same file lives elsewhere, outside what the check and a reviewer see. Replace it with a copy.',
      'pipe.mdx: this is a named pipe, not a file: remove it.',
    ]);
    expect(checkNotes(root).map(formatContentProblem)).toHaveLength(2);
  });
});

describe('titles that do not show what they hold', () => {
  it('refuses a title with U+202E or a zero-width space, and a look-alike section name, naming the line', () => {
    const { root, notes } = tree({
      'bidi.mdx': note('Invoice \u202Efdp.exe'),
      'zero.mdx': note('Event\u200Bloop'),
      'fine.mdx': note('Sätteri – “quoted” 10 µs'),
    });
    writeFileSync(join(notes, 'section.mdx'), note().replace('section: Tests', 'section: Tеsts'));
    const file = (name: string) => relative(process.cwd(), join(notes, name));
    expect(checkNotes(root).map(formatContentProblem)).toEqual([
      `${file('bidi.mdx')}:2:8: field "title": the title holds U+202E, a bidirectional control that reorders the text shown around it: retype it with only the characters it shows.`,
      `${file('section.mdx')}:4:10: field "section": the section name mixes Latin and Cyrillic letters in "Tеsts" ("е" is U+0435, a Cyrillic letter that looks like a Latin one): retype it with only the characters it shows.`,
      `${file('zero.mdx')}:2:8: field "title": the title holds U+200B, a zero-width character: retype it with only the characters it shows.`,
    ]);
  });
});
