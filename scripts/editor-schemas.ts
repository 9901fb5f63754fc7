/**
 * `npm run schemas`: JSON Schemas for editors, generated from the zod schemas the build validates with, so an editor
 * completes and checks what the build will accept. Note frontmatter: `.vscode/note-frontmatter.schema.json`; the
 * source registry, a list of sources: `.vscode/sources.schema.json` (`.vscode/settings.json` wires both). A unit
 * test fails when a committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { noteSchema } from '../src/features/notes/schema.ts';
import { sourceSchema } from '../src/features/citations/schema.ts';

export const SCHEMA_FILES = {
  '.vscode/note-frontmatter.schema.json': () => noteSchema,
  '.vscode/sources.schema.json': () => z.array(sourceSchema),
} as const;

/** As Astro writes its collection schemas: the input a contributor types, dates as strings. */
export function jsonSchema(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date' });
    },
  });
  return `${JSON.stringify(json, null, 2)}\n`;
}

if (import.meta.main) {
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) {
    writeFileSync(file, jsonSchema(schema()));
    console.log(`wrote ${file}`);
  }
}
