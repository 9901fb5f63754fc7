import { describe, expect, test } from 'vitest';
import { landing, matchScore, shownSubResults, type PagefindSubResult } from '../../../src/features/search/landing';

const part = (url: string, scores: number[], anchored = true): PagefindSubResult => ({
  title: url,
  url,
  excerpt: '',
  weighted_locations: scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location })),
  ...(anchored ? { anchor: { id: url } } : {}),
});

const page = (...parts: PagefindSubResult[]) => ({
  url: '/page/',
  excerpt: '',
  meta: { title: 'Page' },
  sub_results: parts,
});

describe('where a search result lands', () => {
  test("a part's score is the sum of Pagefind's scores of its matched words", () => {
    expect(matchScore(part('/page/#a', [512, 18_432]))).toBe(18_944);
  });

  test('the page result opens at the part with the strongest matches, not at the top', () => {
    const top = part('/page/', [4000], false);
    const section = part('/page/#subset', [512, 512, 9000]);
    expect(landing(page(top, part('/page/#other', [512]), section))?.url).toBe('/page/#subset');
  });

  test('on a tie the earlier part wins, and the page top when it holds the strongest matches', () => {
    expect(landing(page(part('/page/', [7000], false), part('/page/#a', [7000])))?.url).toBe('/page/');
    expect(landing(page())).toBeUndefined();
  });

  test('anchored parts are listed strongest first, at most max, the page top never among them', () => {
    const result = page(
      part('/page/', [9000], false),
      part('/page/#prose', [512]),
      part('/page/#row', [512, 512]),
      part('/page/#other', [100]),
    );
    expect(shownSubResults(result, 2).map((sub) => sub.url)).toEqual(['/page/#row', '/page/#prose']);
  });
});
