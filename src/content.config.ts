import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './features/notes/schema';
import { sourceSchema } from './features/citations/schema';
import { sourcesLoader } from './features/citations/loader';
import { registryPath } from './features/citations/registry';
import { contentDir } from './core/content-dir';

/** Where content lives (CONTENT_DIR points a build at a fixture tree). */
const root = contentDir();

/**
 * The notes a reader reads: every `.mdx` file under `content/notes/` → one page each. Any other file there, a link or
 * an unsafe name fails the build before this loader runs (src/features/notes/note-files.ts), so it reads exactly what
 * `npm run check` read. Their raw text stays out of Astro's data store (`retainBody: false`): pages render a note
 * from its file, never from `entry.body`, and the text would make the store grow with the site, which `astro dev`
 * serializes after every save and reloads on the next request (bench/RESULTS.md).
 */
const notes = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${root}/notes`, retainBody: false }),
  schema: noteSchema,
});

/** The works notes cite: `content/sources/sources.yaml`, one entry per work. */
const sources = defineCollection({
  loader: sourcesLoader(registryPath(root)),
  schema: sourceSchema,
});

export const collections = { notes, sources };
