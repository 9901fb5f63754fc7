import { describe, expect, it } from 'vitest';
import { checkNotes } from '../../../src/features/notes/content-check';
import { formatContentProblem } from '../../../src/core/content-error';

describe('the build’s content check', () => {
  it('accepts every note the site ships', () => {
    expect(checkNotes('./content')).toEqual([]);
  });

  it('finds every problem in the bad-frontmatter fixture, in file order', () => {
    const problems = checkNotes('tests/fixtures/bad-frontmatter').map(formatContentProblem);
    expect(problems).toContain(
      'tests/fixtures/bad-frontmatter/notes/bad-order.mdx:5:8: field "order": Write order as a whole number, e.g. 2.',
    );
    // A `.md` note is refused as a file; once it is an `.mdx` note, its fields are checked.
    expect(
      problems.some((problem) => problem.startsWith('tests/fixtures/bad-frontmatter/notes/misspelt-field.md')),
    ).toBe(true);
  });
});
