import { describe, expect, it } from 'vitest';
import { checkFrontmatter, formatProblems } from '../../src/lib/frontmatter-check';
import { noteSchema } from '../../src/schemas/note';
import { checkNotes } from '../../src/integrations/content-check';

const note = (frontmatter: string) => `---\n${frontmatter}\n---\n\nBody.\n`;
const valid = [
  'title: What is AsyncIO',
  'description: The three names you meet first and how they relate to each other.',
  'section: AsyncIO – Introduction',
  'order: 1',
  'updated: 2026-11-25',
].join('\n');
const check = (source: string) => checkFrontmatter(source, 'content/notes/x.mdx', noteSchema);

describe('frontmatter check', () => {
  it('passes a valid note', () => {
    expect(check(note(valid))).toEqual([]);
  });

  it('names the file, line and field of a wrong value, with the fix', () => {
    expect(check(note(valid.replace('order: 1', 'order: first')))).toEqual([
      { file: 'content/notes/x.mdx', line: 5, field: 'order', message: 'Write order as a whole number, e.g. 2.' },
    ]);
  });

  it('reports a missing field at the frontmatter and says what to add', () => {
    const [problem] = check(note(valid.replace(/^description:.*\n/m, '')));
    expect(problem).toMatchObject({ line: 1, field: 'description' });
    expect(problem?.message).toMatch(/^Missing field: add "description:" to the frontmatter/);
  });

  it('points at the line of an unknown (misspelt) field', () => {
    expect(check(note(`${valid}\ntagz: [a]`))).toEqual([
      {
        file: 'content/notes/x.mdx',
        line: 7,
        field: 'tagz',
        message: 'Unknown field. Fix its spelling or remove it.',
      },
    ]);
  });

  it('points inside lists', () => {
    expect(check(note(`${valid}\ntags:\n  - ok\n  - Not Kebab`))).toEqual([
      expect.objectContaining({ line: 9, field: 'tags.1' }),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const [problem] = check(note(`${valid}\ntitle: [unclosed`));
    expect(problem?.message).toMatch(/^The frontmatter is not valid YAML/);
    expect(problem?.line).toBeGreaterThanOrEqual(7);
  });

  it('asks for frontmatter when there is none', () => {
    expect(check('# Just a heading\n')).toEqual([expect.objectContaining({ line: 1, field: '' })]);
  });

  it('formats one clickable line per problem', () => {
    expect(
      formatProblems([{ file: 'content/notes/x.mdx', line: 5, field: 'order', message: 'Use a whole number.' }]),
    ).toBe('content/notes/x.mdx:5  order: Use a whole number.');
  });
});

describe('the content tree check', () => {
  it('accepts every note the site ships', () => {
    expect(checkNotes('./content')).toEqual([]);
  });

  it('finds every problem in the bad-frontmatter fixture', () => {
    expect(checkNotes('tests/fixtures/bad-frontmatter').map((problem) => `${problem.line} ${problem.field}`)).toEqual(
      expect.arrayContaining(['5 order', '1 updated', '6 tagz']),
    );
  });
});
