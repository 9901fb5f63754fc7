import { describe, expect, it } from 'vitest';
import {
  buildSections,
  navigationIndex,
  readingOrder,
  sidebarModel,
  type NavNote,
} from '../../../src/features/notes/navigation';

/** `sections` sections of `size` notes each, ids `s<i>/n<j>`. */
function guide(sections: number, size: number): NavNote[] {
  return Array.from({ length: sections * size }, (_, at) => {
    const section = Math.floor(at / size);
    return { id: `s${section}/n${at % size}`, title: `Note ${at}`, section: `Section ${section}`, order: at + 1 };
  });
}

describe('navigationIndex', () => {
  it('places every note in its section with reading-order neighbours', () => {
    const notes = guide(3, 2);
    const { sections, placement } = navigationIndex(notes);
    const order = readingOrder(notes);
    expect(sections.map((section) => section.label)).toEqual(['Section 0', 'Section 1', 'Section 2']);
    order.forEach((note, at) => {
      expect(placement.get(note.id)).toEqual({
        section: Math.floor(at / 2),
        prev: order[at - 1],
        next: order[at + 1],
      });
    });
  });
});

describe('sidebarModel', () => {
  it('lists every section of a small guide and unfolds only the current one', () => {
    const sections = buildSections(guide(3, 4));
    const model = sidebarModel(sections, 1);
    expect(model.earlier).toBe(0);
    expect(model.later).toBe(0);
    expect(model.entries.map((entry) => [entry.label, entry.first.id, entry.size, entry.notes?.length])).toEqual([
      ['Section 0', 's0/n0', 4, undefined],
      ['Section 1', 's1/n0', 4, 4],
      ['Section 2', 's2/n0', 4, undefined],
    ]);
  });

  it('shows a window of sections around the current one in a large guide', () => {
    const sections = buildSections(guide(40, 3));
    const middle = sidebarModel(sections, 20, 9);
    expect(middle.entries.map((entry) => entry.label)).toEqual(
      [16, 17, 18, 19, 20, 21, 22, 23, 24].map((at) => `Section ${at}`),
    );
    expect([middle.earlier, middle.later]).toEqual([16, 15]);
    const start = sidebarModel(sections, 0, 9);
    expect([start.earlier, start.entries.length, start.later]).toEqual([0, 9, 31]);
    const end = sidebarModel(sections, 39, 9);
    expect([end.earlier, end.entries.length, end.later]).toEqual([31, 9, 0]);
    expect(end.entries.at(-1)?.notes).toHaveLength(3);
  });

  it('does not grow with the number of notes in other sections', () => {
    const links = (sectionCount: number) => {
      const model = sidebarModel(buildSections(guide(sectionCount, 20)), 3);
      return model.entries.reduce((count, entry) => count + (entry.notes?.length ?? 1), 0);
    };
    expect(links(1000)).toBe(links(20));
    expect(links(20)).toBe(8 + 20);
  });
});
