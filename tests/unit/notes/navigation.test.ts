import { describe, expect, it } from 'vitest';
import { buildSections, neighbours, readingOrder } from '../../../src/features/notes/navigation';

const notes = [
  { id: 'b/two', title: 'Two', section: 'B', order: 4 },
  { id: 'a/one', title: 'One', section: 'A', order: 1 },
  { id: 'a/three', title: 'Three', section: 'A', order: 2 },
  { id: 'b/alpha', title: 'Alpha', section: 'B', order: 4 },
];

describe('navigation', () => {
  it('groups by section in order of each section’s first note', () => {
    expect(buildSections(notes).map((s) => [s.label, s.notes.map((n) => n.id)])).toEqual([
      ['A', ['a/one', 'a/three']],
      ['B', ['b/alpha', 'b/two']],
    ]);
  });

  it('gives a stable reading order and neighbours', () => {
    expect(readingOrder(notes).map((n) => n.id)).toEqual(['a/one', 'a/three', 'b/alpha', 'b/two']);
    expect(neighbours(notes, 'a/three')).toEqual({ prev: notes[1], next: notes[3] });
    expect(neighbours(notes, 'a/one').prev).toBeUndefined();
    expect(neighbours(notes, 'missing')).toEqual({});
  });
});
