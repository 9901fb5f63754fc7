import { describe, expect, it } from 'vitest';
import { noteSchema } from '../../../src/features/notes/schema';

const valid = {
  title: 'What is AsyncIO',
  description: 'The three names you meet first and how they relate to each other.',
  section: 'AsyncIO – Introduction',
  order: 1,
  tags: ['asyncio'],
  updated: '2026-11-25',
};

function issues(data: unknown): string[] {
  const result = noteSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('note frontmatter', () => {
  it('accepts a complete note and fills defaults', () => {
    const parsed = noteSchema.parse(valid);
    expect(parsed.draft).toBe(false);
    expect(parsed.updated).toBeInstanceOf(Date);
  });

  it('names the missing field', () => {
    const { title: _omit, ...rest } = valid;
    expect(issues(rest)).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('bounds the description length', () => {
    expect(issues({ ...valid, description: 'x'.repeat(201) })).toEqual([
      'description: Shorten the description to 200 characters or fewer.',
    ]);
  });

  it('rejects a non-date updated with a hint', () => {
    expect(issues({ ...valid, updated: 'last week' })).toEqual(['updated: Write updated as a date, e.g. 2026-11-25.']);
  });

  it('rejects tags that are not kebab-case', () => {
    expect(issues({ ...valid, tags: ['Event Loop'] })).toEqual([
      'tags.0: Write tags in kebab-case, e.g. "event-loop".',
    ]);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expect(issues({ ...valid, tittle: 'x' })).toHaveLength(1);
  });

  it('lists the sources a page relies on by registered id', () => {
    expect(noteSchema.parse({ ...valid, sources: ['kegel-c10k'] }).sources).toEqual(['kegel-c10k']);
    expect(noteSchema.parse(valid).sources).toEqual([]);
    expect(issues({ ...valid, sources: ['Kegel C10K'] })).toEqual([
      'sources.0: Write source ids in kebab-case, as registered, e.g. "kegel-c10k".',
    ]);
  });

  it('requires a positive whole order', () => {
    expect(issues({ ...valid, order: 1.5 })).toEqual(['order: Use a whole number for order.']);
  });
});
