import { describe, expect, it } from 'vitest';
import { editUrl } from '../../../src/features/notes/edit-link';

const repository = { url: 'https://github.com/owner/notes', branch: 'main' };

describe('edit link', () => {
  it('opens the file in the web editor on the configured branch', () => {
    expect(editUrl(repository, 'content/notes/introduction/c10k.mdx')).toBe(
      'https://github.com/owner/notes/edit/main/content/notes/introduction/c10k.mdx',
    );
  });

  it('encodes each path segment but keeps the folders', () => {
    expect(editUrl(repository, 'content/notes/é tude/what?#1.mdx')).toBe(
      'https://github.com/owner/notes/edit/main/content/notes/%C3%A9%20tude/what%3F%231.mdx',
    );
  });

  it('tolerates a trailing slash, ./ and Windows separators', () => {
    expect(editUrl({ url: 'https://github.com/o/r/', branch: 'release/2' }, '.\\content\\notes\\a.md')).toBe(
      'https://github.com/o/r/edit/release/2/content/notes/a.md',
    );
  });
});
