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

  it('lists the notes at any depth, .mdx only (as the glob loader reads them), sorted', () => {
    vi.stubEnv('CONTENT_DIR', undefined);
    const notes = noteFiles();
    expect(notes).toContain('content/notes/introduction/c10k.mdx');
    expect(notes).toEqual([...notes].sort());
    expect(notes.every((file) => /^content\/notes\/.+\.mdx$/.test(file))).toBe(true);
    const fixtures = noteFiles('tests/fixtures/snippets');
    expect(fixtures).toContain('tests/fixtures/snippets/hand-written/jsx.mdx');
    expect(fixtures.every((file) => file.endsWith('.mdx'))).toBe(true);
  });

  it('finds none in a folder that does not exist', () => {
    expect(noteFiles('tests/fixtures/no-such-folder')).toEqual([]);
  });
});
