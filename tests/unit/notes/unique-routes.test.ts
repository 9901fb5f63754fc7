import { describe, expect, it } from 'vitest';
import { noteId, routeProblems, takenRoutes } from '../../../src/features/notes/unique-routes';

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
});
