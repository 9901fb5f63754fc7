import { describe, expect, test } from 'vitest';
import { collectDoctests, typecheckDoctests } from '../../../src/features/snippets/doctest';

/**
 * Every runnable snippet in content/, type-checked in strict mode. The snippets
 * run (and their output is compared) only in Chromium, in the page's sandbox:
 * tests/e2e/doctests.spec.ts.
 */
const doctests = collectDoctests('content');
const typeErrors = typecheckDoctests(doctests);

test('the notes contain runnable snippets', () => {
  expect(doctests.length).toBeGreaterThanOrEqual(6);
  console.info(`doctests: ${doctests.length} snippets in content/`);
});

test('the notes contain runnable Python snippets', () => {
  expect(doctests.filter((doctest) => doctest.language === 'python').length).toBeGreaterThanOrEqual(4);
});

describe('doctests type-check', () => {
  doctests.forEach((doctest, index) => {
    const name = `${doctest.file}:${doctest.line}${doctest.title ? ` ${doctest.title}` : ''}`;
    test(name, () => {
      const errors = typeErrors[index] ?? [];
      if (errors.length)
        expect.fail(`type errors in the snippet at ${doctest.file}:${doctest.line}:\n${errors.join('\n')}`);
      const length = doctest.source.split('\n').length;
      expect(length, `${doctest.file}:${doctest.line}: keep a snippet to 30 lines or fewer`).toBeLessThanOrEqual(30);
    });
  });
});
