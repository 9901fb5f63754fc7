/**
 * Pure navigation logic: which notes appear in which sidebar section, in what
 * order, and what comes before and after a page. No Astro imports, so it is
 * unit-tested directly.
 */
import { slugify } from '../../core/slug';

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

/** Where a note sits: its section (an index into `sections`) and its reading-order neighbours. */
export interface Placement<T extends NavNote = NavNote> {
  section: number;
  prev?: T | undefined;
  next?: T | undefined;
}

/**
 * Sections and every note's placement, computed once for the whole site so
 * that rendering N pages stays O(N) rather than re-sorting all notes per page.
 */
export function navigationIndex<T extends NavNote>(
  notes: readonly T[],
): { sections: NavSection<T>[]; placement: Map<string, Placement<T>> } {
  const sections = buildSections(notes);
  const sequence = sections.flatMap((section, index) => section.notes.map((note) => ({ note, index })));
  const placement = new Map<string, Placement<T>>();
  sequence.forEach(({ note, index }, at) => {
    placement.set(note.id, { section: index, prev: sequence[at - 1]?.note, next: sequence[at + 1]?.note });
  });
  return { sections, placement };
}

export function neighbours<T extends NavNote>(
  notes: readonly T[],
  id: string,
): { prev?: T | undefined; next?: T | undefined } {
  const found = navigationIndex(notes).placement.get(id);
  return found ? { prev: found.prev, next: found.next } : {};
}

/**
 * Most sections the sidebar lists at once, the reader's own included. The
 * sidebar is on every page: were it to list the whole guide, each page would
 * grow with the site (bench/RESULTS.md gives Starlight's figure). Past this many
 * sections it shows a window around the current one and links to the full
 * contents on the home page.
 */
export const SIDEBAR_SECTIONS = 9;

export interface SidebarEntry<T extends NavNote = NavNote> {
  label: string;
  /** Where the section starts: the link for a folded section. */
  first: T;
  size: number;
  /** Only for the reader's section, which is unfolded. */
  notes?: T[] | undefined;
}

export interface SidebarModel<T extends NavNote = NavNote> {
  entries: SidebarEntry<T>[];
  /** Sections left out before and after the window. */
  earlier: number;
  later: number;
}

/**
 * The sidebar of a page in section `current`: that section with all its
 * notes, the others folded to one link each, at most `limit` sections. Its size
 * depends on the current section and `limit`, never on the size of the site.
 */
export function sidebarModel<T extends NavNote>(
  sections: readonly NavSection<T>[],
  current: number,
  limit: number = SIDEBAR_SECTIONS,
): SidebarModel<T> {
  const start = Math.max(0, Math.min(current - Math.floor((limit - 1) / 2), sections.length - limit));
  const end = Math.min(sections.length, start + limit);
  const entries = sections.slice(start, end).map((section, offset) => ({
    label: section.label,
    first: section.notes[0]!,
    size: section.notes.length,
    notes: start + offset === current ? section.notes : undefined,
  }));
  return { entries, earlier: start, later: sections.length - end };
}

/**
 * The address of a section's page, without slashes: the folder its first note
 * lives in (`introduction/c10k` → `introduction`), since a note's path is its
 * address and the section page is the parent of its notes' pages; a section
 * whose first note sits at the top of `content/notes/` takes the slug of its
 * name (`AsyncIO – Introduction` → `asyncio-introduction`).
 */
export function sectionSlug(label: string, firstNoteId: string): string {
  const folder = firstNoteId.includes('/') ? firstNoteId.slice(0, firstNoteId.indexOf('/')) : '';
  return folder || slugify(label);
}

/** Two sections whose pages would share an address: the later one, and the one it collides with. */
export function sectionSlugClashes(sections: readonly NavSection[]): { section: string; with: string; slug: string }[] {
  const seen = new Map<string, string>();
  const clashes: { section: string; with: string; slug: string }[] = [];
  for (const section of sections) {
    const slug = sectionSlug(section.label, section.notes[0]!.id);
    const earlier = seen.get(slug);
    if (earlier !== undefined) clashes.push({ section: section.label, with: earlier, slug });
    else seen.set(slug, section.label);
  }
  return clashes;
}
