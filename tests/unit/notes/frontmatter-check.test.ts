import { describe, expect, it } from 'vitest';
import { noteSchema } from '../../../src/features/notes/schema';
import { checkFrontmatter, splitFrontmatter } from '../../../src/features/notes/frontmatter-check';
import { formatContentProblem } from '../../../src/core/content-error';

const valid = [
  'title: What is AsyncIO',
  'description: The three names you meet first and how they relate to each other.',
  'section: Intro',
  'order: 1',
  'updated: 2026-11-25',
];

const note = (lines: string[], eol = '\n') => ['---', ...lines, '---', '', 'Body.', ''].join(eol);
const messages = (text: string) => checkFrontmatter('n.mdx', text, noteSchema).map(formatContentProblem);

describe('frontmatter check', () => {
  it('accepts a valid note, also with CRLF line ends and a BOM', () => {
    expect(messages(note(valid))).toEqual([]);
    expect(messages(`\uFEFF${note(valid, '\r\n')}`)).toEqual([]);
  });

  it('points at the offending item inside a list', () => {
    expect(messages(note([...valid, 'tags:', '  - asyncio', '  - Event Loop']))).toEqual([
      'n.mdx:9:5: field "tags.1": Write tags in kebab-case, e.g. "event-loop".',
    ]);
  });

  it('reports a duplicated field at its second occurrence', () => {
    expect(messages(note([...valid, 'order: 2']))).toEqual([
      expect.stringMatching(/^n\.mdx:7:1: frontmatter is not valid YAML \(Map keys must be unique/),
    ]);
  });

  it('finds no frontmatter when the block is not closed', () => {
    expect(splitFrontmatter('---\ntitle: x\n\nBody')).toBeUndefined();
    expect(splitFrontmatter('---\n---\n')).toEqual({ yaml: '', firstLine: 2 });
  });
});
