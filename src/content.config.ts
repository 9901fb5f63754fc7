import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './features/notes/schema';
import { sourceSchema } from './features/citations/schema';
import { sourcesLoader } from './features/citations/loader';
import { registryPath } from './features/citations/registry';
import { contentDir } from './core/content-dir';

/** Where content lives (CONTENT_DIR points a build at a fixture tree). */
const root = contentDir();

/** The notes a reader reads: `content/notes/**` → one page each. */
const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/notes` }),
  schema: noteSchema,
});

/** The works notes cite: `content/sources/sources.yaml`, one entry per work. */
const sources = defineCollection({
  loader: sourcesLoader(registryPath(root)),
  schema: sourceSchema,
});

export const collections = { notes, sources };
