import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './schemas/note';
import { sourceSchema } from './schemas/source';
import { sourcesLoader } from './citations/loader';
import { registryPath } from './citations/registry';

/**
 * Where content lives. CONTENT_DIR points a build at another tree: the
 * bad-content fixtures under tests/fixtures and the scale benchmark use it.
 */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** The notes a reader reads: `content/notes/**` → one page each. */
const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir}/notes` }),
  schema: noteSchema,
});

/** The works notes cite: `content/sources/sources.yaml`, one entry per work. */
const sources = defineCollection({
  loader: sourcesLoader(registryPath(contentDir)),
  schema: sourceSchema,
});

export const collections = { notes, sources };
