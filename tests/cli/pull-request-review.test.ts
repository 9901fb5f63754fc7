/**
 * A pull request reviews itself: `npm run check` in GitHub Actions on a note with several kinds of mistakes reports
 * every one of them in one run, as annotations on their lines and as a table in the job summary; and
 * `npm run check -- --changed` picks the pages a branch changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles, changedPages, changesEveryPage } from '../../scripts/lib/changed-files';
import { runCheck } from '../helpers/isolated-project';

const scratch = mkdtempSync(join(tmpdir(), 'pull-request-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run check in GitHub Actions, on a note with several kinds of mistakes', async () => {
  const summaryFile = join(scratch, 'summary.md');
  // The content step reads files only, so it runs in the real project.
  const { code, output } = await runCheck(process.cwd(), ['--only', 'content'], {
    CONTENT_DIR: 'tests/fixtures/pull-request',
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: summaryFile,
  });
  const note = 'tests/fixtures/pull-request/notes/guide/new-note.mdx';
  const annotations = output.split('\n').filter((line) => line.startsWith('::'));

  it('fails, and annotates every mistake on its line, each kind in the same run', () => {
    expect(code).toBe(1);
    const at = (line: number, column?: number) =>
      `::error file=${note},line=${line}${column === undefined ? '' : `,col=${column}`},title=content::`;
    expect(annotations).toEqual([
      `${at(5, 8)}field "order": Write order as a whole number, e.g. 2.`,
      expect.stringMatching(new RegExp(`^${escape(at(11, 23))}.*unknown source id "kegel-c10"`)),
      expect.stringMatching(new RegExp(`^${escape(at(13, 42))}.*no heading or anchor.*#one-thread-many-tasks\\?`)),
      expect.stringMatching(new RegExp(`^${escape(at(15, 39))}the link to /guide/taks/ leads to no page`)),
      expect.stringMatching(new RegExp(`^${escape(at(22))}table "ways-to-wait": rows 1 and 2`)),
      expect.stringMatching(new RegExp(`^${escape(at(24, 7))}data-pagefind-weight= on <span>`)),
      expect.stringMatching(new RegExp(`^${escape(at(26))}this \`\`\`ts run block needs its expected output`)),
    ]);
  });

  it('lists the same problems in the job summary', () => {
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('7 problems to fix:');
    expect(summary).toContain(`| ❌ | \`${note}:5:8\` | content | field "order": Write order as a whole number`);
    expect(summary.match(/^\| ❌ \|/gm)).toHaveLength(7);
    expect(summary).toContain('## Pages in this change');
  });

  it('prints the messages as before too, for the log', () => {
    expect(output).toContain(`${note}:5:8: field "order": Write order as a whole number, e.g. 2.`);
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('npm run check -- --changed', () => {
  const repo = join(scratch, 'repo');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  const write = (file: string, text = 'x\n') => {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    writeFileSync(join(repo, file), text);
  };
  mkdirSync(repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  for (const file of ['content/notes/intro/a.mdx', 'content/notes/intro/b.mdx', 'content/notes/intro/gone.mdx'])
    write(file);
  write('README.md');
  git('add', '.');
  git('commit', '-q', '-m', 'main');
  git('switch', '-q', '-c', 'better-notes');
  write('content/notes/intro/a.mdx', 'changed\n');
  git('rm', '-q', 'content/notes/intro/gone.mdx');
  write('content/notes/intro/New Note.mdx');
  write('README.md', 'changed\n');
  git('add', '.');
  git('commit', '-q', '-m', 'branch');
  // Uncommitted work counts too.
  write('content/notes/intro/draft.mdx');
  // main moving on after the branch started is not the branch's change.
  git('switch', '-q', 'main');
  write('content/notes/intro/b.mdx', 'changed on main\n');
  git('commit', '-q', '-am', 'main moves on');
  git('switch', '-q', 'better-notes');

  it('picks the pages the branch adds, changes or removes, committed or not, and nothing main changed', () => {
    const files = changedFiles('main', repo);
    expect(changedPages(files).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '/intro/a/', file: 'content/notes/intro/a.mdx', kind: 'changed' },
      { path: '/intro/draft/', file: 'content/notes/intro/draft.mdx', kind: 'added' },
      { path: '/intro/gone/', file: 'content/notes/intro/gone.mdx', kind: 'removed' },
      { path: '/intro/new-note/', file: 'content/notes/intro/New Note.mdx', kind: 'added' },
    ]);
    expect(changesEveryPage(files)).toBe(false);
  });

  it('checks every page once code changes', () => {
    write('src/layouts/Article.astro');
    expect(changesEveryPage(changedFiles('main', repo))).toBe(true);
  });
});
