import { getCollection, type CollectionEntry } from 'astro:content';

export type Note = CollectionEntry<'notes'>;

/** Published notes: drafts show while writing (`npm run dev`) but never ship. */
export async function getPublishedNotes(): Promise<Note[]> {
  // MODE, not DEV: DEV follows NODE_ENV, so a build run with NODE_ENV=test
  // (or development) would ship drafts; MODE is what `astro dev`/`build` chose.
  const showDrafts = import.meta.env.MODE === 'development';
  return getCollection('notes', (entry) => showDrafts || !entry.data.draft);
}

export function toNavNote(note: Note) {
  return { id: note.id, title: note.data.title, section: note.data.section, order: note.data.order };
}
