import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { ContentError, formatContentProblem, problemFile } from '../../../src/core/content-error';

const problem = (line: number) => ({ file: 'content/notes/a.mdx', line, column: 3, message: `problem ${line}.` });

describe('ContentError', () => {
  it('says what needs fixing, then each problem as file:line:column', () => {
    const error = new ContentError('citation', [problem(4), { file: 'content/sources/sources.yaml', message: 'x.' }]);
    expect(error.message).toBe(
      '2 citations need fixing:\ncontent/notes/a.mdx:4:3: problem 4.\ncontent/sources/sources.yaml: x.',
    );
    expect(new ContentError('link', [problem(1)]).message).toBe(
      'A link needs fixing:\ncontent/notes/a.mdx:1:3: problem 1.',
    );
  });

  it('ends with the hint, and counts what it does not list', () => {
    const error = new ContentError('link', [problem(1), problem(2), problem(3)], { hint: 'See X.', shown: 2 });
    expect(error.message).toBe(
      '3 links need fixing:\ncontent/notes/a.mdx:1:3: problem 1.\ncontent/notes/a.mdx:2:3: problem 2.\n… and 1 more.\nSee X.',
    );
  });

  it('carries the first place where Astro and @astrojs/mdx look, and no stack', () => {
    const error = new ContentError('citation', [problem(7), problem(9)]);
    expect(error.loc).toEqual({ file: 'content/notes/a.mdx', line: 7, column: 3 });
    expect([error.line, error.column]).toEqual([7, 3]);
    expect(error.stack).toBe(`ContentError: ${error.message}`);
    const lineOnly = new ContentError('table problem', [{ file: 'a.md', line: 2, message: 'm.' }]);
    expect([lineOnly.line, lineOnly.column]).toEqual([2, 1]);
  });

  it('leaves out the column when the line is unknown', () => {
    expect(formatContentProblem({ file: 'a.md', column: 4, message: 'm.' })).toBe('a.md: m.');
  });

  it('names a note by its path from the project root', () => {
    expect(problemFile(new VFile({ path: `${process.cwd()}/content/notes/c10k.mdx` }))).toBe('content/notes/c10k.mdx');
    expect(problemFile(new VFile({ value: '# no path' }))).toBe('<markdown>');
  });
});
