import type { RegexEngine } from 'shiki';

type Scanner = ReturnType<RegexEngine['createScanner']>;
type Match = ReturnType<Scanner['findNextMatchSync']>;

/**
 * A regex engine that searches once for both themes. Shiki tokenizes a block once per theme
 * (`codeToTokensWithThemes`), and the theme only colours the tokens: the second pass makes the very searches the
 * first made, in the same order, and the regex searches are ~85 % of tokenizing. Each scanner here answers a search
 * it has already made for the same line, from the same position with the same options, from memory, until
 * `forget()`, which the highlighter calls before each block so the memory never outgrows one block. The searches are
 * deterministic, so the tokens, and the HTML, are the same.
 */
export function scanningOnce(engine: RegexEngine): RegexEngine & { forget(): void } {
  let block = 0;
  return {
    createString: (text) => engine.createString(text),
    createScanner(patterns) {
      const scanner = engine.createScanner(patterns);
      let remembered = { block, lines: new Map<string, Map<number, Match>>() };
      return {
        findNextMatchSync(line, start, options) {
          if (remembered.block !== block) remembered = { block, lines: new Map() };
          const text = typeof line === 'string' ? line : line.content;
          let searches = remembered.lines.get(text);
          if (!searches) remembered.lines.set(text, (searches = new Map()));
          // FindOption flags are below 16.
          const key = start * 16 + options;
          let match = searches.get(key);
          if (match === undefined) searches.set(key, (match = scanner.findNextMatchSync(line, start, options)));
          return match;
        },
        dispose: () => scanner.dispose?.(),
      };
    },
    forget: () => void block++,
  };
}
