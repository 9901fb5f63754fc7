/**
 * `npm run import` end to end, in a throwaway copy of the project: the page it
 * writes passes `npm run check` (content, format and the build) with no edits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedProject, runCheck, runScript } from '../helpers/isolated-project';

const intro = resolve('tests/fixtures/notes/asyncio-introduction.md');
const eventLoop = resolve('tests/fixtures/import/event-loop-basics.md');
const importNote = (root: string, ...args: string[]) => runScript(root, 'scripts/import/cli.ts', args);

describe('npm run import', async () => {
  const project = isolatedProject('content');
  afterAll(project.dispose);
  const first = await importNote(project.root, intro);
  const second = await importNote(project.root, eventLoop, '--section', 'Event loops');
  const check = await runCheck(project.root, ['--only', 'content,format,build']);

  it('creates the page and says what it created', () => {
    expect(first.code).toBe(0);
    expect(first.output).toContain('Created content/notes/asyncio-introduction.mdx');
    expect(first.output).toMatch(/content\s+4 sections, 3 quotes, 6 links, 1 tables, 0 code blocks/);
    expect(existsSync(join(project.root, 'content/notes/asyncio-introduction.mdx'))).toBe(true);
    expect(second.output).toContain('Created content/notes/event-loop-basics.mdx');
    expect(second.output).toMatch(/sidebar\s+"Event loops", order/);
  });

  it('registers the new sources it links to', () => {
    expect(second.output).toContain('Registered 4 new source(s) in content/sources/sources.yaml');
    const registry = readFileSync(join(project.root, 'content/sources/sources.yaml'), 'utf8');
    expect(registry).toContain('url: https://docs.python.org/3/library/asyncio-eventloop.html');
  });

  it('the created pages pass npm run check unchanged', () => {
    expect(check.output).toMatch(/check passed/);
    expect(check.code).toBe(0);
  });

  it('never overwrites a page unless told to', async () => {
    const again = await importNote(project.root, intro);
    expect(again.code).toBe(1);
    expect(again.output).toContain(
      'import: content/notes/asyncio-introduction.mdx already exists; nothing was written.',
    );
    const forced = await importNote(project.root, intro, '--force');
    expect(forced.code).toBe(0);
  });

  it('explains why a file is not a note', async () => {
    const readme = await importNote(project.root, resolve('README.md'));
    expect(readme.code).toBe(1);
    expect(readme.output).toMatch(
      /README\.md:1: this is not a note in the notes' style: it must start with a "## Title"/,
    );
    expect(readme.output).not.toMatch(/^\s+at /m);
    const json = await importNote(project.root, resolve('package.json'));
    expect(json.output).toMatch(/package\.json: not a Markdown note/);
  });
});
