import { describe, expect, test } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { collectDoctests, judgeDoctest, lineDiff, typecheckDoctests } from '../../../src/features/snippets/doctest';
import { ContentError } from '../../../src/core/content-error';
import { findRunnableSnippets } from '../../../src/features/snippets/runnable-snippets';
import { timeLimitMessage } from '../../../src/features/snippets/runner/host';

const broken = collectDoctests('tests/fixtures/snippets');
const byTitle = (title: string) => {
  const doctest = broken.find((candidate) => candidate.title === title);
  if (!doctest) throw new Error(`fixture snippet "${title}" is missing`);
  return doctest;
};
const parse = (markdown: string) => unified().use(remarkParse).parse(markdown) as Root;

describe('the doctest harness reports failures precisely', () => {
  test('finds every snippet with its file and fence line', () => {
    expect(broken.map((doctest) => `${doctest.file}:${doctest.line} ${doctest.title}`)).toEqual([
      'tests/fixtures/snippets/broken.mdx:3 wrong output',
      'tests/fixtures/snippets/broken.mdx:13 type error',
      'tests/fixtures/snippets/broken.mdx:22 runaway',
      'tests/fixtures/snippets/broken.mdx:30 throws',
    ]);
  });

  test('a wrong expected output names file:line and shows a diff', () => {
    const problem = judgeDoctest(byTitle('wrong output'), { reason: 'finished', texts: ['actual', 'same'] });
    expect(problem).toContain('tests/fixtures/snippets/broken.mdx:3: snippet "wrong output" failed in Chromium');
    expect(problem).toContain('- expected\n+ actual\n  same');
  });

  test('a run that prints exactly the expected output passes; a multi-line print counts line by line', () => {
    expect(judgeDoctest(byTitle('wrong output'), { reason: 'finished', texts: ['expected\nsame'] })).toBeNull();
    expect(judgeDoctest(byTitle('wrong output'), { reason: 'failed', texts: ['expected', 'same'] })).toContain(
      'it threw an uncaught error',
    );
  });

  test('a type error names the line inside the file', () => {
    const errors = typecheckDoctests(broken);
    expect(errors[broken.indexOf(byTitle('type error'))]).toEqual([
      "tests/fixtures/snippets/broken.mdx:14:7: TS2322 Type 'string' is not assignable to type 'number'.",
    ]);
    expect(errors[broken.indexOf(byTitle('wrong output'))]).toEqual([]);
  });

  test('a runaway snippet hits the time limit', () => {
    const problem = judgeDoctest(byTitle('runaway'), { reason: 'timeout', texts: [timeLimitMessage(10_000)] });
    expect(problem).toContain('it hit the time limit');
    expect(problem).toContain(`+ ${timeLimitMessage(10_000)}`);
  });

  test('an uncaught error fails even when nothing else is printed', () => {
    const problem = judgeDoctest(byTitle('throws'), { reason: 'failed', texts: ['Uncaught Error: boom'] });
    expect(problem).toContain('it threw an uncaught error');
    expect(problem).toContain('+ Uncaught Error: boom');
  });
});

describe('snippet syntax', () => {
  test('a run block without an output block is a content error naming the line', () => {
    expect(() => findRunnableSnippets(parse('Text\n\n```ts run\nconsole.log(1)\n```\n'), 'notes/a.md')).toThrow(
      new ContentError('runnable snippet', [
        {
          file: 'notes/a.md',
          line: 3,
          message:
            'this ```ts run block needs its expected output right after it, in a ```text output block (leave it empty if the snippet prints nothing).',
        },
      ]),
    );
  });
  test('an output block without its snippet is rejected', () => {
    expect(() => findRunnableSnippets(parse('```text output\n1\n```\n'), 'notes/b.md')).toThrow(
      /notes\/b\.md:1: a ```text output block/,
    );
  });
  test('only TypeScript runs', () => {
    expect(() => findRunnableSnippets(parse('```js run\n1\n```\n\n```text output\n```\n'), 'c.md')).toThrow(
      /write ```ts run/,
    );
  });
  test('plain code blocks and titles', () => {
    const snippets = findRunnableSnippets(
      parse('```ts\nnot run\n```\n\n```ts run title="Two words"\nx\n```\n\n```text output\ny\n```\n'),
      'd.md',
    );
    expect(snippets.map(({ title, line, output }) => ({ title, line, output: output.value }))).toEqual([
      { title: 'Two words', line: 5, output: 'y' },
    ]);
  });
});

test('lineDiff marks removed and added lines', () => {
  expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual(['  a', '- b', '+ x', '  c', '+ d']);
});
