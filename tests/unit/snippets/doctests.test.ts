import { afterAll, describe, expect, test } from 'vitest';
import { collectDoctests, runDoctest, typecheckDoctests } from '../../../src/features/snippets/doctest';
import { stopPython } from '../../../src/features/snippets/python/node';

/** Every runnable snippet in content/: type-checked, run, and its output compared. */
const doctests = collectDoctests('content');
const typeErrors = typecheckDoctests(doctests);

test('the notes contain runnable snippets', () => {
  expect(doctests.length).toBeGreaterThanOrEqual(6);
  console.info(`doctests: ${doctests.length} snippets in content/`);
});

test('the notes contain runnable Python snippets', () => {
  expect(doctests.filter((doctest) => doctest.language === 'python').length).toBeGreaterThanOrEqual(4);
});

afterAll(() => stopPython());

describe('doctests', () => {
  doctests.forEach((doctest, index) => {
    const name = `${doctest.file}:${doctest.line}${doctest.title ? ` ${doctest.title}` : ''}`;
    // A Python snippet's first run also loads CPython, which is slow on a busy machine.
    test(name, { timeout: doctest.language === 'python' ? 240_000 : 60_000 }, async () => {
      const errors = typeErrors[index] ?? [];
      if (errors.length)
        expect.fail(`type errors in the snippet at ${doctest.file}:${doctest.line}:\n${errors.join('\n')}`);
      const length = doctest.source.split('\n').length;
      expect(length, `${doctest.file}:${doctest.line}: keep a snippet to 30 lines or fewer`).toBeLessThanOrEqual(30);
      const started = performance.now();
      const problem = await runDoctest(doctest);
      if (doctest.language === 'python')
        console.info(`python doctest ${name}: ${Math.round(performance.now() - started)} ms`);
      if (problem) expect.fail(problem);
    });
  });
});
