import { describe, expect, it } from 'vitest';
import {
  NOTES_PER_SECTION,
  SOURCE_COUNT,
  syntheticNotes,
  syntheticRegistry,
} from '../../../scripts/bench/synthetic-notes.ts';
import { noteSchema } from '../../../src/features/notes/schema';
import { sourceSchema } from '../../../src/features/citations/schema';

describe('synthetic notes for the benchmark', () => {
  const notes = syntheticNotes(2 * NOTES_PER_SECTION + 5);

  it('have frontmatter the real schema accepts', () => {
    for (const note of notes) expect(noteSchema.safeParse(note.data).error, note.path).toBeUndefined();
  });

  it('write that frontmatter as YAML at the top of the file', () => {
    const [first] = notes;
    expect(first!.source.startsWith(`---\ntitle: ${JSON.stringify(first!.data['title'])}\n`)).toBe(true);
  });

  it('are realistic: headings, a table, a quote with its source, code, a runnable snippet, ~9 kB', () => {
    for (const { source } of notes.slice(0, 5)) {
      expect(source).toMatch(/^## /m);
      expect(source).toMatch(/^### /m);
      expect(source).toMatch(/^\| ---- \|/m);
      expect(source).toMatch(/^> .+\n\n\[Source\]\(source:work-\d{3}\)$/m);
      expect(source).toMatch(/^```ts\n[\s\S]+?\n```$/m);
      expect(source).toMatch(/^```ts run title="\w+"\n[\s\S]+?\n```\n\n```text output\n\w+: \d+\n```$/m);
      expect(source.length).toBeGreaterThan(6000);
      expect(source.length).toBeLessThan(12000);
    }
  });

  it('are the same on every run, in sections of NOTES_PER_SECTION', () => {
    expect(syntheticNotes(3).map((note) => note.source)).toEqual(notes.slice(0, 3).map((note) => note.source));
    const sections = new Set(notes.map((note) => note.data['section']));
    expect(sections.size).toBe(3);
    expect(new Set(notes.map((note) => note.path)).size).toBe(notes.length);
  });

  it('cite works of a generated source registry that the real schema accepts', () => {
    const registry = syntheticRegistry();
    const works = JSON.parse(registry.source) as { id: string }[];
    expect(registry.path).toBe('sources/sources.yaml');
    for (const work of works) expect(sourceSchema.safeParse(work).error, work.id).toBeUndefined();
    expect(works).toHaveLength(SOURCE_COUNT);
    const ids = new Set(works.map((work) => work.id));
    for (const note of notes) {
      for (const [, id] of note.source.matchAll(/source:([a-z0-9-]+)/g)) expect(ids.has(id!), id).toBe(true);
    }
  });
});
