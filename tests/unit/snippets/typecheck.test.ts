import { describe, expect, test } from 'vitest';
import { collectDoctests } from '../../../src/features/snippets/doctest';
import { createChecker } from '../../../src/features/snippets/typecheck/checker';
import { typeWarning } from '../../../src/features/snippets/typecheck/protocol';
import { libFiles } from '../../../src/features/snippets/typecheck/libs';

/**
 * The editor's checker (the module and lib files its worker bundles), in Node: every TypeScript snippet of the notes
 * checks clean, so a diagnostic in the editor is the reader's, never the set-up's.
 */
const checker = createChecker(libFiles);

test('a type error is found at its line and column, and a fix clears it', () => {
  const problems = checker.check("const n: number = 'seven';\nconsole.log(n * 2);");
  expect(typeWarning(problems)).toBe("TypeScript: line 1, column 7: Type 'string' is not assignable to type 'number'.");
  expect(problems[0]).toMatchObject({ from: 6, to: 7, severity: 'error' });
  expect(checker.check('const n: number = 7;\nconsole.log(n * 2);')).toEqual([]);
});

test('snippets are strict modules in a worker: top-level await, worker globals, no DOM', () => {
  const code = [
    'await new Promise((resolve) => setTimeout(resolve, 1));',
    "const url = URL.createObjectURL(new Blob(['postMessage(performance.now());']));",
    'const worker = new Worker(url);',
    'worker.onmessage = (event: MessageEvent<number>) => console.log(event.data.toFixed(1));',
    'function twice(x) { return x * 2; }',
    "document.title = 'no DOM in a worker';",
  ].join('\n');
  expect(checker.check(code).map(({ line, message }) => `${line}: ${message}`)).toEqual([
    "5: Parameter 'x' implicitly has an 'any' type.",
    expect.stringMatching(/^6: Cannot find name 'document'\./),
  ]);
});

describe('every TypeScript snippet of the notes checks clean', () => {
  const snippets = collectDoctests('content').filter((doctest) => doctest.language === 'typescript');
  test('the notes have TypeScript snippets', () => expect(snippets.length).toBeGreaterThanOrEqual(4));
  snippets.forEach((snippet) => {
    test(`${snippet.file}:${snippet.line}${snippet.title ? ` ${snippet.title}` : ''}`, () => {
      expect(typeWarning(checker.check(snippet.source))).toBe('');
    });
  });
});
