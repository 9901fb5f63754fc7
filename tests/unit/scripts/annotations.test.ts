import { describe, expect, it } from 'vitest';
import { annotationsIn, jobSummary, workflowCommand } from '../../../scripts/check/annotations';
import { changedPages, changesEveryPage, notePath, parseNameStatus } from '../../../scripts/lib/changed-files';

const buildOutput = `
[32m12:00:01[39m [build] Building static entrypoints...
[ERROR] 3 note problems need fixing:
content/notes/intro/new-note.mdx:4:8: field "order": Write order as a whole number, e.g. 2.
content/notes/intro/new-note.mdx:11:47: [Python docs](source:pyhton-docs) cites "pyhton-docs", which is not in content/sources/sources.yaml. Did you mean "python-docs"?
  content/notes/intro/new-note.mdx:20:1: warning: a title with 100% of its words, a comma, and a colon
content/notes/intro/new-note.mdx:4:8: field "order": Write order as a whole number, e.g. 2.
content/sources/sources.yaml: source "x" has no title.
  at Object.run (node_modules/astro/dist/core/build/index.js:10:3)
src/pages/[...slug].astro:10:5 - error ts(2322): not a content problem
`;

describe('annotations for GitHub', () => {
  const found = annotationsIn(buildOutput, 'build');

  it('finds every file:line:column problem once, with its level and no colour codes', () => {
    expect(found.map((a) => [a.level, a.file, a.line, a.column])).toEqual([
      ['error', 'content/notes/intro/new-note.mdx', 4, 8],
      ['error', 'content/notes/intro/new-note.mdx', 11, 47],
      ['warning', 'content/notes/intro/new-note.mdx', 20, 1],
      ['error', 'content/sources/sources.yaml', undefined, undefined],
    ]);
    expect(found[0]!.message).toBe('field "order": Write order as a whole number, e.g. 2.');
  });

  it('prints workflow commands with GitHub escaping in properties and message', () => {
    expect(found.map(workflowCommand)).toEqual([
      '::error file=content/notes/intro/new-note.mdx,line=4,col=8,title=build::field "order": Write order as a whole number, e.g. 2.',
      expect.stringMatching(
        /^::error file=content\/notes\/intro\/new-note\.mdx,line=11,col=47,title=build::\[Python docs\]/,
      ),
      '::warning file=content/notes/intro/new-note.mdx,line=20,col=1,title=build::a title with 100%25 of its words, a comma, and a colon',
      '::error file=content/sources/sources.yaml,title=build::source "x" has no title.',
    ]);
    const odd = { level: 'error', file: 'content/a,b:c.mdx', title: 'a: b, c', message: 'one\ntwo' } as const;
    expect(workflowCommand(odd)).toBe('::error file=content/a%2Cb%3Ac.mdx,title=a%3A b%2C c::one%0Atwo');
  });

  it('writes the job summary: a table of problems and the pages the change touches', () => {
    const pages = changedPages(
      parseNameStatus(
        'A\tcontent/notes/intro/new-note.mdx\nM\tcontent/notes/intro/c10k.mdx\nD\tcontent/notes/old.mdx\n',
      ),
    );
    const summary = jobSummary(found, pages);
    expect(summary).toContain('4 problems to fix:');
    expect(summary).toContain('| ❌ | `content/notes/intro/new-note.mdx:4:8` | build | field "order": Write order');
    expect(summary).toContain('| ⚠️ | `content/notes/intro/new-note.mdx:20:1` |');
    expect(summary).toContain('- added: `/intro/new-note/` (`content/notes/intro/new-note.mdx`)');
    expect(summary).toContain('- changed: `/intro/c10k/`');
    expect(summary).toContain('- removed: `/old/`');
    expect(jobSummary([], [])).toContain('No problems found.');
  });
});

describe('what a change touches', () => {
  it('reads renames as a removal and an addition', () => {
    expect(parseNameStatus('R087\tcontent/notes/a.mdx\tcontent/notes/b.mdx\n')).toEqual([
      { file: 'content/notes/a.mdx', kind: 'removed' },
      { file: 'content/notes/b.mdx', kind: 'added' },
    ]);
  });

  it('names a note page as Astro does: slugged parts, index dropped', () => {
    expect(notePath('content/notes/introduction/C10K Problem.mdx')).toBe('/introduction/c10k-problem/');
    expect(notePath('content/notes/introduction/index.mdx')).toBe('/introduction/');
    expect(notePath('content/sources/sources.yaml')).toBeUndefined();
  });

  it('checks every page when code, styles or sources change, and only the notes otherwise', () => {
    const notes = parseNameStatus('M\tcontent/notes/a.mdx\nM\tREADME.md\nA\ttests/unit/x.test.ts\n');
    expect(changesEveryPage(notes)).toBe(false);
    expect(changesEveryPage(parseNameStatus('M\tsrc/layouts/Article.astro\n'))).toBe(true);
    expect(changesEveryPage(parseNameStatus('M\tcontent/sources/sources.yaml\n'))).toBe(true);
  });
});
