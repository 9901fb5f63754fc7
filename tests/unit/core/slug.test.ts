import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { kebabId, slugify } from '../../../src/core/slug';

describe('slugify', () => {
  const texts = ['asyncio.gather(*aws)', 'AsyncIO - Introduction', 'AsyncIO – Introduction', 'Café', 'Привет', 'a_b'];

  it('gives what github-slugger gives a heading, but one hyphen for a run and none at the ends', () => {
    expect(slugify('asyncio.gather(*aws)')).toBe(slug('asyncio.gather(*aws)'));
    expect(slugify('Event Loop Basics')).toBe('event-loop-basics');
    expect(slugify('AsyncIO - Introduction')).toBe('asyncio-introduction');
    expect(slugify(' (draft) ')).toBe('draft');
    expect(slugify('Привет')).toBe('привет');
    expect(slugify('—')).toBe('');
  });

  it('gives names github-slugger leaves unchanged, so a file named by it has its name as its URL', () => {
    for (const text of texts) expect(slug(slugify(text))).toBe(slugify(text));
  });
});

describe('kebabId', () => {
  it('gives the kebab-case ASCII a registry id must be', () => {
    expect(kebabId('curiousefficiency async_programming')).toBe('curiousefficiency-async-programming');
    expect(kebabId('man7 epoll.7')).toBe('man7-epoll-7');
    expect(kebabId('Café déjà')).toBe('cafe-deja');
  });
});
