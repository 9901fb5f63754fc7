import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './schemas/note';
import { contentDir } from './lib/content-dir';

/** The notes a reader reads: `content/notes/**` → one page each. */
const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir()}/notes` }),
  schema: noteSchema,
});

export const collections = { notes };
