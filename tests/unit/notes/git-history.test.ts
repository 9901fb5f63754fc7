import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commonDirectory,
  lastChangeDates,
  parseGitLog,
  readLastChangeDate,
  readLastChangeDates,
  readLastChangeDatesOf,
} from '../../../src/features/notes/git-history';

describe('parseGitLog', () => {
  it('reads dates, shallow boundaries and NUL-separated file names', () => {
    const output =
      '\x1e2026-01-02T10:00:00+01:00 \0\ncontent/a.mdx\0content/b c.mdx\0' +
      '\x1e2025-12-31T23:00:00+00:00 grafted\0\ncontent/a.mdx\0';
    expect(parseGitLog(output)).toEqual([
      { date: new Date('2026-01-02T09:00:00Z'), shallowBoundary: false, files: ['content/a.mdx', 'content/b c.mdx'] },
      { date: new Date('2025-12-31T23:00:00Z'), shallowBoundary: true, files: ['content/a.mdx'] },
    ]);
  });

  it('reads a log without file names, as `git log -1` gives it', () => {
    expect(parseGitLog('\x1e2026-01-02T10:00:00+01:00 \n')).toEqual([
      { date: new Date('2026-01-02T09:00:00Z'), shallowBoundary: false, files: [] },
    ]);
  });

  it('reads an empty log as no commits', () => {
    expect(parseGitLog('')).toEqual([]);
  });
});

describe('lastChangeDates', () => {
  const newer = { date: new Date('2026-02-01'), shallowBoundary: false, files: ['a.mdx'] };
  const older = { date: new Date('2026-01-01'), shallowBoundary: false, files: ['a.mdx', 'b.mdx'] };

  it('takes the newest commit that touched each file', () => {
    const dates = lastChangeDates([newer, older]);
    expect(dates.get('a.mdx')).toEqual(new Date('2026-02-01'));
    expect(dates.get('b.mdx')).toEqual(new Date('2026-01-01'));
  });

  it('gives no date for files whose newest commit is a shallow-clone boundary', () => {
    const dates = lastChangeDates([newer, { ...older, shallowBoundary: true }]);
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
    git(root, ['clone', '-q', '--depth', '2', `file://${repo}`, 'shallow2']);
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

  it('in a shallow clone, still dates a file changed after the boundary', async () => {
    const dates = await readLastChangeDates(['content/notes'], join(root, 'shallow2'));
    expect(Object.fromEntries(dates)).toEqual({ 'content/notes/new.mdx': new Date('2026-03-04T12:00:00Z') });
  });

  it('dates one file for the dev server, and sees the next commit at once', async () => {
    const repo = join(root, 'repo');
    expect(await readLastChangeDate('content/notes/new.mdx', repo)).toEqual(new Date('2026-03-04T12:00:00Z'));
    // A branch named like git's shallow mark is no boundary.
    git(repo, ['branch', 'grafted', 'HEAD~1']);
    expect(await readLastChangeDate('content/notes/ünïcode name.mdx', repo)).toEqual(new Date('2026-01-01T12:00:00Z'));
    // An edit that is not committed changes no date.
    writeFileSync(join(repo, 'content/notes/old.mdx'), 'edited\n');
    expect(await readLastChangeDate('content/notes/old.mdx', repo)).toEqual(new Date('2026-01-01T12:00:00Z'));
    git(repo, ['commit', '-q', '-am', 'third'], '2026-05-06T12:00:00Z');
    expect(await readLastChangeDate('content/notes/old.mdx', repo)).toEqual(new Date('2026-05-06T12:00:00Z'));
  });

  it('gives the dev server no date for a file git does not know or a shallow boundary holds', async () => {
    writeFileSync(join(root, 'repo', 'content/notes/untracked.mdx'), 'x\n');
    expect(await readLastChangeDate('content/notes/untracked.mdx', join(root, 'repo'))).toBeUndefined();
    expect(await readLastChangeDate('content/notes/old.mdx', join(root, 'shallow2'))).toBeUndefined();
    expect(await readLastChangeDate('content/notes/new.mdx', join(root, 'shallow2'))).toEqual(
      new Date('2026-03-04T12:00:00Z'),
    );
    expect(await readLastChangeDate('x.mdx', root)).toBeUndefined();
  });

  it('follows HEAD through packed refs, a detached checkout, a symbolic ref and a worktree', async () => {
    const repo = join(root, 'repo');
    const dated = async (cwd: string) => (await readLastChangeDate('content/notes/old.mdx', cwd))?.toISOString();
    git(repo, ['pack-refs', '--all']);
    expect(await dated(repo)).toBe('2026-05-06T12:00:00.000Z');
    git(repo, ['checkout', '-q', '--detach', 'HEAD~1']);
    expect(await dated(repo)).toBe('2026-01-01T12:00:00.000Z');
    git(repo, ['checkout', '-q', 'main']);
    // A branch that is itself a reference to another: commits land on the other.
    git(repo, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    git(repo, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
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
