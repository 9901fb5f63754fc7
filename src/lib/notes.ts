import { getCollection, type CollectionEntry } from 'astro:content';

export type Note = CollectionEntry<'notes'>;

/** Published notes: drafts show while writing (`npm run dev`) but never ship. */
export async function getPublishedNotes(): Promise<Note[]> {
  return getCollection('notes', (entry) => import.meta.env.DEV || !entry.data.draft);
}

export function toNavNote(note: Note) {
  return { id: note.id, title: note.data.title, section: note.data.section, order: note.data.order };
}
