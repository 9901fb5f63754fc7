import { describe, expect, it } from 'vitest';
import { buildSections, sectionSlug, sectionSlugClashes } from '../../../src/features/notes/navigation';

const note = (id: string, section: string, order: number) => ({ id, title: id, section, order });

describe('the address of a section page', () => {
  it("is the folder of the section's first note", () => {
    expect(sectionSlug('AsyncIO – Introduction', 'introduction/what-is-asyncio')).toBe('introduction');
  });

  it('is the slug of its name when the first note sits at the top of content/notes/', () => {
    expect(sectionSlug('AsyncIO – Introduction', 'what-is-asyncio')).toBe('asyncio-introduction');
  });

  it('two sections that would share an address are reported, naming both', () => {
    const sections = buildSections([
      note('intro/a', 'First', 1),
      note('intro/b', 'Second', 2),
      note('loops/c', 'Third', 3),
    ]);
    expect(sectionSlugClashes(sections)).toEqual([{ section: 'Second', with: 'First', slug: 'intro' }]);
    expect(sectionSlugClashes(buildSections([note('intro/a', 'First', 1), note('loops/c', 'Third', 2)]))).toEqual([]);
  });
});
