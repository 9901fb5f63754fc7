import { describe, expect, test } from 'vitest';
import {
  landing,
  partMatch,
  searchedWords,
  shownSubResults,
  type PagefindSubResult,
} from '../../../src/features/search/landing';

/** A page's indexed text: a location is a word's index in it. */
const CONTENT =
  'What each is best for: this is the disk and a busy loop. ' + // 0–12
  'Concurrency and parallelism: concurrency is dealing with many tasks at once. ' + // 13–23
  'AbortSignal.timeout() aborts with TimeoutError; the bibliography lists timeout papers.'; // 24–32

/** A part of the page matching `query` at these word locations, each with a Pagefind score. */
const part = (anchor: string, query: string, matches: [location: number, score: number][], anchored = true) => {
  const highlight = query
    .split(' ')
    .map((word) => `highlight=${encodeURIComponent(word)}`)
    .join('&');
  const sub: PagefindSubResult = {
    title: anchor,
    url: `/page/?${highlight}${anchor}`,
    excerpt: '',
    weighted_locations: matches.map(([location, balanced_score]) => ({ weight: 1, balanced_score, location })),
    ...(anchored ? { anchor: { id: anchor } } : {}),
  };
  return sub;
};

const page = (...parts: PagefindSubResult[]) => ({
  url: '/page/',
  content: CONTENT,
  excerpt: '',
  meta: { title: 'Page' },
  sub_results: parts,
});

describe('where a search result lands', () => {
  test('only meaningful searched words count: no stop words, nothing of one or two letters', () => {
    expect(searchedWords(part('#a', 'what is concurrency', []))).toEqual(['concurrency']);
    expect(searchedWords(part('#a', 'cancel a task', []))).toEqual(['cancel', 'task']);
  });

  test('a part counts each searched word it holds once, in any form, and sums the scores of their matches', () => {
    const pageWords = CONTENT.split(/\s+/);
    // "Concurrency", "concurrency" and the stop words "is" and "what" around them.
    const definition = part('#concurrency-and-parallelism', 'what is concurrency', [
      [13, 500],
      [16, 100],
      [17, 9000],
      [0, 9000],
    ]);
    expect(partMatch(definition, pageWords)).toEqual({ words: 1, score: 600 });
  });

  test('a multi-word query opens on the part holding the most of its words, not on stop words in a heading', () => {
    // The heading "What each is best for" matches "what" and "is" with a heading's weight; the definition holds
    // "concurrency" twice.
    const headingOfStopWords = part('#what-each-is-best-for', 'what is concurrency', [
      [0, 9000],
      [2, 9000],
      [6, 900],
    ]);
    const definition = part('#concurrency-and-parallelism', 'what is concurrency', [
      [13, 500],
      [16, 100],
    ]);
    expect(landing(page(headingOfStopWords, definition))?.title).toBe('#concurrency-and-parallelism');
  });

  test('a word found inside an API name belongs to the searched word ("timeout" in AbortSignal.timeout())', () => {
    const row = part('#wait_for', 'timeout', [
      [24, 57],
      [27, 128],
    ]);
    const list = part('#sources', 'timeout', [[31, 120]]);
    expect(landing(page(list, row))?.title).toBe('#wait_for');
  });

  test('a part with more of the searched words wins over one scoring higher on fewer', () => {
    const strongOne = part('#one', 'busy concurrency', [[13, 9000]]);
    const twoWords = part('#two', 'busy concurrency', [
      [11, 50],
      [13, 50],
    ]);
    expect(landing(page(strongOne, twoWords))?.title).toBe('#two');
  });

  test('on a tie the earlier part wins; a page without parts has no landing', () => {
    const top = part('', 'concurrency', [[13, 700]], false);
    expect(landing(page(top, part('#a', 'concurrency', [[16, 700]])))?.title).toBe('');
    expect(landing(page())).toBeUndefined();
  });

  test('anchored parts are listed best first, at most max, the page top never among them', () => {
    const result = page(
      part('', 'concurrency', [[13, 9000]], false),
      part('#prose', 'concurrency', [[16, 512]]),
      part('#row', 'concurrency', [
        [13, 512],
        [16, 512],
      ]),
      part('#other', 'concurrency', [[13, 100]]),
    );
    expect(shownSubResults(result, 2).map((sub) => sub.title)).toEqual(['#row', '#prose']);
  });
});
