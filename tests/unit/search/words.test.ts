import { describe, expect, test } from 'vitest';
import { isMeaningful, normalizeWord, wordStem } from '../../../src/features/search/words';

describe('searched words', () => {
  test('words of one or two letters and stop words are not meaningful', () => {
    expect(['a', 'is', 'an', 'of', 'vs', 'what', 'the', 'How', 'when'].filter(isMeaningful)).toEqual([]);
    expect(['task', 'cancel', 'GIL', 'epoll', 'sleep0', 'asyncio.Queue', 'worker_threads'].every(isMeaningful)).toBe(
      true,
    );
  });

  test("a word is compared as Pagefind reads a query: lowercase, brackets dropped, identifiers' dots kept", () => {
    expect(normalizeWord('asyncio.sleep(0)')).toBe('asyncio.sleep0');
    expect(normalizeWord('AbortSignal.timeout(),')).toBe('abortsignal.timeout');
    expect(normalizeWord('(worker_threads).')).toBe('worker_threads');
  });

  test("a searched word's stem is found in its other forms", () => {
    expect(wordStem('Concurrency')).toBe(wordStem('concurrently'));
    expect('tasks').toContain(wordStem('task'));
    expect('cancelled').toContain(wordStem('cancel'));
  });
});
