import { describe, expect, it } from 'vitest';
import {
  noteId,
  routeProblems,
  sectionProblems,
  takenRoutes,
  type PlacedNote,
} from '../../../src/features/notes/unique-routes';

describe('note URLs', () => {
  it('derives a note id as Astro does: each path segment slugged, a trailing index dropped', () => {
    expect(noteId('introduction/c10k.mdx')).toBe('introduction/c10k');
    expect(noteId('C10K.md')).toBe('c10k');
    expect(noteId('Probe Page.mdx')).toBe('probe-page');
    expect(noteId('guide/index.mdx')).toBe('guide');
    expect(noteId('index.mdx')).toBe('index');
  });

  it('knows the URLs the site already uses: its pages, public/ and the build folders', () => {
    const taken = takenRoutes().map((route) => route.id);
    expect(taken).toEqual(expect.arrayContaining(['sources', '404', '', 'favicon.svg', '_astro', 'pagefind']));
  });

  it('names both files of every shared URL, and leaves unique ones alone', () => {
    const dir = 'notes';
    const files = ['a.md', 'a.mdx', 'B C.mdx', 'b-c.mdx', 'sources.mdx', 'part.mdx', 'part/one.mdx', 'fine.mdx'];
    const problems = routeProblems(
      dir,
      files.map((file) => `${dir}/${file}`),
      [{ id: 'sources', by: 'src/pages/sources.astro' }],
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.message.split(',')[0]}`)).toEqual([
      'notes/a.mdx: this note and notes/a.md both have the URL /a/',
      'notes/b-c.mdx: this note and notes/B C.mdx both have the URL /b-c/',
      "notes/sources.mdx: this note's URL /sources/ is already src/pages/sources.astro's",
      "notes/part.mdx: this note's URL /part/ is the index of the folder notes/part/",
    ]);
  });

  it('keeps a folder of notes out of a folder the site or the build owns (pagefind/, _astro/, a page)', () => {
    const dir = 'notes';
    const files = ['pagefind/a.mdx', 'pagefind/b.mdx', '_astro/c.mdx', 'guide/sources/d.mdx', 'fine/e.mdx'];
    const problems = routeProblems(
      dir,
      files.map((file) => `${dir}/${file}`),
      [
        { id: 'pagefind', by: "the build's pagefind/ folder" },
        { id: '_astro', by: "the build's _astro/ folder" },
        { id: 'sources', by: 'src/pages/sources.astro' },
      ],
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      "notes/pagefind/: this folder's URL /pagefind/ is already the build's pagefind/ folder's, and its notes' pages would be written inside it. Rename the folder.",
      "notes/_astro/: this folder's URL /_astro/ is already the build's _astro/ folder's, and its notes' pages would be written inside it. Rename the folder.",
    ]);
  });

  it('keeps section pages off notes, pages and each other: a top-level note opening a section named like it, a note named like another section, two sections at one page', () => {
    const placed = (file: string, section: string, order: number): PlacedNote => ({
      file: `notes/${file}`,
      id: noteId(file),
      title: file,
      section,
      order,
    });
    const taken = [{ id: 'sources', by: 'src/pages/sources.astro' }];
    const problems = sectionProblems(
      [
        placed('intro/a.mdx', 'Introduction', 1),
        placed('event-loops.mdx', 'Event loops', 2),
        placed('loops.mdx', 'Introduction', 3),
        placed('tasks.mdx', 'Loops', 4),
        placed('refs.mdx', 'Sources', 5),
        placed('guide.mdx', 'Intro', 6),
        placed('fine.mdx', 'Fine section', 7),
      ],
      taken,
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.message.split(/[,:] /)[0]}`)).toEqual([
      'notes/event-loops.mdx: this note\'s URL /event-loops/ is also the page of the section "Event loops"',
      'notes/loops.mdx: this note\'s URL /loops/ is also the page of the section "Loops"',
      'notes/refs.mdx: the section "Sources" would get the page /sources/',
      'notes/guide.mdx: the section "Intro" would get the page /intro/',
    ]);
    expect(problems.at(-1)!.message).toContain('which the section "Introduction" already has');
  });
});
