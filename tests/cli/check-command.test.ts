/**
 * The contributor's view of CI: `npm run check` on content with the mistakes
 * people make, asserting the message that tells them what to fix. The runs are
 * independent, so they all start at once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedProject, runCheck } from '../helpers/isolated-project';

/** `npm run check -- <args>` in a copy of the project whose content is `contentDir`, plus the trees in `extra`. */
function checkInCopy(contentDir: string, extra: string[], args: string[], env: NodeJS.ProcessEnv = {}) {
  const project = isolatedProject(contentDir, extra);
  afterAll(project.dispose);
  return runCheck(project.root, args, env);
}

// The content step reads files only, so it can run in the real project.
const frontmatterCheck = runCheck(process.cwd(), ['--only', 'content,types,build'], {
  CONTENT_DIR: 'tests/fixtures/check-frontmatter',
});
const mdxCheck = checkInCopy('tests/fixtures/check-bad-mdx', [], ['--only', 'content,build']);
const badNotes = 'tests/fixtures/bad-notes';
const notesCheck = checkInCopy('content', [badNotes], ['--only', 'content,build'], { CONTENT_DIR: badNotes });

describe('npm run check on bad frontmatter', async () => {
  const { code, output } = await frontmatterCheck;
  const notes = 'tests/fixtures/check-frontmatter/notes';

  it('fails', () => {
    expect(code).toBe(1);
    expect(output).toContain('check failed');
  });

  it.each([
    [`${notes}/missing-title.mdx:2:1: missing field "title": add a line "title: …" to the frontmatter.`],
    [`${notes}/unknown-field.mdx:7:1: unknown field "tgas": remove it or correct its spelling`],
    [`${notes}/bad-values.mdx:3:14: field "description": Write a description of at least 40 characters`],
    [`${notes}/bad-values.mdx:6:10: field "updated": Write updated as a date, e.g. 2026-11-25.`],
    [`${notes}/unquoted-colon.mdx:2:8: frontmatter is not valid YAML`],
    [`${notes}/no-frontmatter.mdx:1:1: no frontmatter: start the file with a "---" block`],
  ])('names file, line, column and the fix: %s', (message) => {
    expect(output).toContain(message);
  });

  it('skips the type check and build instead of repeating the error with a stack trace', () => {
    expect(output).toMatch(/- types\s+skipped until content passes/);
    expect(output).toMatch(/- build\s+skipped until content passes/);
    expect(output).not.toMatch(/^\s+at /m);
  });
});

describe('npm run check on MDX that does not compile', async () => {
  const { code, output } = await mdxCheck;

  // The content step compiles every note as the build does (scripts/check/notes-at-once.ts), so it stops there.
  it('fails the content step at the file and line, and skips the build', () => {
    expect(code).toBe(1);
    expect(output).toMatch(/✗ content/);
    expect(output).toMatch(/- build\s+skipped until content passes/);
    expect(output).toMatch(/content\/notes\/stray-brace\.mdx:11:\d+/);
    expect(output).toContain('expected a corresponding closing brace');
  });

  it('shows the error, not the build log or a stack trace', () => {
    expect(output).not.toContain('Collecting build info');
    expect(output).not.toMatch(/^\s+at /m);
  });
});

describe('npm run check on a citation of an unknown source id and a comparison table with a missing cell', async () => {
  const { code, output } = await notesCheck;

  it('fails the content step, which lists both before any build, without a stack trace', () => {
    expect(code).toBe(1);
    expect(output).toMatch(/✗ content/);
    expect(output).toMatch(/- build\s+skipped until content passes/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it.each([
    [
      `${badNotes}/notes/c10k.mdx:13:1: [Source](source:kegel-c10) cites the unknown source id "kegel-c10". Did you mean "kegel-c10k"?`,
    ],
    [
      `${badNotes}/notes/bad-table.mdx:15: table "concurrency-models": row 1 ("Processes") has 2 cells but the header has 3.`,
    ],
  ])('names the file, the line and the fix: %s', (message) => {
    expect(output).toContain(message);
  });
});
