import { describe, expect, it } from 'vitest';
import { checkNotes } from '../../../src/features/notes/content-check';
import { formatProblem } from '../../../src/features/notes/frontmatter-check';

describe('the build’s frontmatter check', () => {
  it('accepts every note the site ships', () => {
    expect(checkNotes('./content')).toEqual([]);
  });

  it('finds every problem in the bad-frontmatter fixture, in file order', () => {
    expect(checkNotes('tests/fixtures/bad-frontmatter').map(formatProblem)).toEqual([
      'tests/fixtures/bad-frontmatter/notes/bad-order.mdx:5:8: field "order": Write order as a whole number, e.g. 2.',
      expect.stringContaining('misspelt-field.md:2:1: missing field "updated"'),
      expect.stringContaining('misspelt-field.md:6:1: unknown field "tagz"'),
    ]);
  });
});
