/**
 * Pure navigation logic: which notes appear in which sidebar section, in what
 * order, and what comes before and after a page. No Astro imports, so it is
 * unit-tested directly.
 */
export interface NavNote {
  id: string;
  title: string;
  section: string;
  order: number;
}

export interface NavSection<T extends NavNote = NavNote> {
  label: string;
  notes: T[];
}

/**
 * Groups notes into sections. Notes sort by `order` (then title, so ties are
 * stable); a section sits where its first note sits.
 */
export function buildSections<T extends NavNote>(notes: readonly T[]): NavSection<T>[] {
  const sorted = [...notes].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const sections = new Map<string, T[]>();
  for (const note of sorted) {
    const list = sections.get(note.section);
    if (list) list.push(note);
    else sections.set(note.section, [note]);
  }
  return [...sections].map(([label, members]) => ({ label, notes: members }));
}

/** The reading sequence: sections in order, notes in order within them. */
export function readingOrder<T extends NavNote>(notes: readonly T[]): T[] {
  return buildSections(notes).flatMap((section) => section.notes);
}

export function neighbours<T extends NavNote>(
  notes: readonly T[],
  id: string,
): { prev?: T | undefined; next?: T | undefined } {
  const sequence = readingOrder(notes);
  const at = sequence.findIndex((note) => note.id === id);
  if (at === -1) return {};
  return { prev: sequence[at - 1], next: sequence[at + 1] };
}
