import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentDir, noteFiles } from '../../../src/core/content-dir';

describe('contentDir and noteFiles', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults to ./content; CONTENT_DIR moves it', () => {
    vi.stubEnv('CONTENT_DIR', undefined);
    expect(contentDir()).toBe('./content');
    vi.stubEnv('CONTENT_DIR', 'tests/fixtures/drafts');
    expect(contentDir()).toBe('tests/fixtures/drafts');
  });

  it('lists the notes at any depth, .md and .mdx only, sorted', () => {
    vi.stubEnv('CONTENT_DIR', undefined);
    const notes = noteFiles();
    expect(notes).toContain('content/notes/introduction/c10k.mdx');
    expect(notes).toEqual([...notes].sort());
    expect(notes.every((file) => /^content\/notes\/.+\.mdx?$/.test(file))).toBe(true);
    expect(noteFiles('tests/fixtures/snippets')).toEqual([
      'tests/fixtures/snippets/broken.md',
      'tests/fixtures/snippets/hand-written/jsx.mdx',
      'tests/fixtures/snippets/hand-written/raw-html.md',
    ]);
  });

  it('finds none in a folder that does not exist', () => {
    expect(noteFiles('tests/fixtures/no-such-folder')).toEqual([]);
  });
});
