import { createHighlighter, createJavaScriptRegexEngine, type RegexEngine } from 'shiki';
import { expect, it } from 'vitest';
import { scanningOnce } from '../../../src/features/code-blocks/scan-once';
import { shikiNoTimeLimit } from '../../../src/features/code-blocks/shiki-no-time-limit';
import { darkTheme, lightTheme } from '../../../src/features/code-blocks/shiki-themes';

/** The JavaScript engine, counting the searches its scanners really make. */
function countingEngine() {
  const engine = createJavaScriptRegexEngine();
  const counted: RegexEngine & { searches: number } = {
    searches: 0,
    createString: (text) => engine.createString(text),
    createScanner(patterns) {
      const scanner = engine.createScanner(patterns);
      return {
        findNextMatchSync: (...search) => {
          counted.searches++;
          return scanner.findNextMatchSync(...search);
        },
      };
    },
  };
  return counted;
}

const CODE = [
  'async function fetchAll(urls: string[]): Promise<number[]> {',
  '  // sizes, in order',
  '  return Promise.all(urls.map(async (url) => (await fetch(url)).status));',
  '}',
].join('\n');

const THEMES = [lightTheme, darkTheme];
const nameOf = (theme: (typeof THEMES)[number]) => (typeof theme === 'string' ? theme : theme.name!);

async function highlight(engine: RegexEngine, before: () => void = () => undefined) {
  const shiki = await createHighlighter({ langs: ['ts'], themes: THEMES, engine });
  before();
  return shiki.codeToHtml(CODE, {
    lang: 'ts',
    themes: { light: nameOf(lightTheme), dark: nameOf(darkTheme) },
    defaultColor: 'light-dark()',
    // As in the pipeline (shiki-no-time-limit.ts): a line cut short by the time limit on a busy machine, the first
    // run's cold one most often, would make the two HTMLs differ for a reason other than the engine.
    transformers: [shikiNoTimeLimit],
  });
}

it('makes the searches of one block once for both themes, and the HTML is the same', async () => {
  const plain = countingEngine();
  const expected = await highlight(plain);
  const counted = countingEngine();
  const once = scanningOnce(counted);
  expect(await highlight(once, once.forget)).toBe(expected);
  expect(plain.searches).toBeGreaterThan(0);
  expect(counted.searches).toBe(plain.searches / 2);
});

it('forgets the searches before the next block', async () => {
  const counted = countingEngine();
  const once = scanningOnce(counted);
  const scanner = once.createScanner(['\\bawait\\b']);
  const line = once.createString('  await fetch(url)');
  const first = scanner.findNextMatchSync(line, 0, 0);
  expect(scanner.findNextMatchSync(line, 0, 0)).toBe(first);
  expect(counted.searches).toBe(1);
  expect(scanner.findNextMatchSync(line, 3, 0), 'another start').toBeNull();
  expect(scanner.findNextMatchSync(line, 0, 4), 'other options').toEqual(first);
  expect(counted.searches).toBe(3);
  once.forget();
  expect(scanner.findNextMatchSync(line, 0, 0)).toEqual(first);
  expect(counted.searches).toBe(4);
});
