import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commonDirectory,
  lastChangeDates,
  parseGitLog,
  readLastChangeDates,
  readLastChangeDatesOf,
} from '../../../src/features/notes/git-history';

describe('parseGitLog', () => {
  it('reads hashes, dates and NUL-separated file names', () => {
    const output =
      '\x1eaaa 2026-01-02T10:00:00+01:00\0\ncontent/a.mdx\0content/b c.mdx\0' +
      '\x1ebbb 2025-12-31T23:00:00+00:00\0\ncontent/a.mdx\0';
    expect(parseGitLog(output)).toEqual([
      { hash: 'aaa', date: new Date('2026-01-02T09:00:00Z'), files: ['content/a.mdx', 'content/b c.mdx'] },
      { hash: 'bbb', date: new Date('2025-12-31T23:00:00Z'), files: ['content/a.mdx'] },
    ]);
  });

  it('reads an empty log as no commits', () => {
    expect(parseGitLog('')).toEqual([]);
  });
});

describe('lastChangeDates', () => {
  const commits = [
    { hash: 'new', date: new Date('2026-02-01'), files: ['a.mdx'] },
    { hash: 'old', date: new Date('2026-01-01'), files: ['a.mdx', 'b.mdx'] },
  ];

  it('takes the newest commit that touched each file', () => {
    const dates = lastChangeDates(commits, new Set());
    expect(dates.get('a.mdx')).toEqual(new Date('2026-02-01'));
    expect(dates.get('b.mdx')).toEqual(new Date('2026-01-01'));
  });

  it('gives no date for files whose newest commit is a shallow-clone boundary', () => {
    const dates = lastChangeDates(commits, new Set(['old']));
    expect(dates.get('a.mdx')).toEqual(new Date('2026-02-01'));
    expect(dates.has('b.mdx')).toBe(false);
  });
});

describe('commonDirectory', () => {
  it('finds the folder all files share', () => {
    expect(commonDirectory(['content/notes/a/x.mdx', 'content/notes/b/y.mdx'])).toBe('content/notes');
    expect(commonDirectory(['content/notes/a/x.mdx'])).toBe('content/notes/a');
    expect(commonDirectory(['a.mdx', 'content/b.mdx'])).toBe('.');
  });
});

describe('readLastChangeDates on a real repository', () => {
  let root: string;
  const git = (cwd: string, args: string[], date = '2026-01-01T12:00:00Z') =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.org',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
      stdio: 'pipe',
    });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'git-history-'));
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'content', 'notes'), { recursive: true });
    git(repo, ['init', '-q', '-b', 'main']);
    writeFileSync(join(repo, 'content/notes/old.mdx'), 'old\n');
    writeFileSync(join(repo, 'content/notes/ünïcode name.mdx'), 'x\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'first'], '2026-01-01T12:00:00Z');
    writeFileSync(join(repo, 'content/notes/new.mdx'), 'new\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'second'], '2026-03-04T12:00:00Z');
    git(root, ['clone', '-q', '--depth', '1', `file://${repo}`, 'shallow']);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('dates every file from one log, including non-ASCII names', async () => {
    const dates = await readLastChangeDatesOf(['content/notes/old.mdx', 'content/notes/new.mdx'], join(root, 'repo'));
    expect(Object.fromEntries(dates)).toEqual({
      'content/notes/new.mdx': new Date('2026-03-04T12:00:00Z'),
      'content/notes/old.mdx': new Date('2026-01-01T12:00:00Z'),
      'content/notes/ünïcode name.mdx': new Date('2026-01-01T12:00:00Z'),
    });
  });

  it('in a shallow clone, leaves files out rather than dating them wrongly', async () => {
    const dates = await readLastChangeDates(['content/notes'], join(root, 'shallow'));
    expect(dates.size).toBe(0);
  });

  it('answers again from memory until a commit moves HEAD', async () => {
    const repo = join(root, 'repo');
    const first = await readLastChangeDates(['content/notes'], repo);
    expect(await readLastChangeDates(['content/notes'], repo)).toBe(first);
    // An edit that is not committed changes no date.
    writeFileSync(join(repo, 'content/notes/old.mdx'), 'edited\n');
    expect(await readLastChangeDates(['content/notes'], repo)).toBe(first);
    git(repo, ['commit', '-q', '-am', 'third'], '2026-05-06T12:00:00Z');
    const after = await readLastChangeDates(['content/notes'], repo);
    expect(after).not.toBe(first);
    expect(after.get('content/notes/old.mdx')).toEqual(new Date('2026-05-06T12:00:00Z'));
  });

  it('follows HEAD through packed refs, a detached checkout and a worktree, as git resolves it', async () => {
    const repo = join(root, 'repo');
    const dated = async (cwd: string) =>
      (await readLastChangeDates(['content/notes'], cwd)).get('content/notes/old.mdx')?.toISOString();
    git(repo, ['pack-refs', '--all']);
    expect(await dated(repo)).toBe('2026-05-06T12:00:00.000Z');
    git(repo, ['checkout', '-q', '--detach', 'HEAD~1']);
    expect(await dated(repo)).toBe('2026-01-01T12:00:00.000Z');
    git(repo, ['checkout', '-q', 'main']);
    expect(await dated(repo)).toBe('2026-05-06T12:00:00.000Z');
    // A branch that is itself a reference to another: its file never changes as commits land on the other.
    git(repo, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    git(repo, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    expect(await dated(repo)).toBe('2026-05-06T12:00:00.000Z');
    writeFileSync(join(repo, 'content/notes/old.mdx'), 'through the alias\n');
    git(repo, ['commit', '-q', '-am', 'fourth'], '2026-07-08T12:00:00Z');
    expect(await dated(repo)).toBe('2026-07-08T12:00:00.000Z');
    git(repo, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
    git(repo, ['worktree', 'add', '-q', '-b', 'older', join(root, 'worktree'), 'HEAD~2']);
    expect(await dated(join(root, 'worktree'))).toBe('2026-01-01T12:00:00.000Z');
    expect(await dated(repo)).toBe('2026-07-08T12:00:00.000Z');
  });

  it('outside a repository, returns no dates instead of failing', async () => {
    expect((await readLastChangeDates(['.'], root)).size).toBe(0);
  });
});
