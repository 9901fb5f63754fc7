import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The benchmark writes its generated notes under CONTENT_DIR/notes, the same tree our own build reads.
const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${process.env.CONTENT_DIR ?? '../../content'}/notes` }),
});

export const collections = { notes };
