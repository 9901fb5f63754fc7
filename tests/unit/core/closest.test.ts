import { describe, expect, it } from 'vitest';
import { closest } from '../../../src/core/closest';

describe('closest', () => {
  const sources = [{ id: 'kegel-c10k' }, { id: 'realpython-async-io' }, { id: 'python-asyncio' }];

  it('picks the candidate whose key is nearest by edit distance', () => {
    expect(closest('realpython-asyncio', sources, (source) => source.id)).toBe(sources[1]);
    expect(closest('kegel-c10', sources, (source) => source.id)).toBe(sources[0]);
  });

  it('gives a tie to the first candidate', () => {
    expect(closest('ab', ['ax', 'xb', 'ab-'], (id) => id)).toBe('ax');
  });

  it('finds none in an empty list', () => {
    expect(closest('x', [], (id: string) => id)).toBeUndefined();
  });
});
