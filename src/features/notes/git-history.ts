import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A commit as `git log` reports it: its committer date, whether a shallow clone cut its history, and its files. */
export interface LoggedCommit {
  date: Date;
  /** A shallow clone's oldest fetched commit: it looks as if it added every file it holds. */
  shallowBoundary: boolean;
  files: string[];
}

const RECORD = '\x1e';

// With every ref left out of the decorations, the only one left is `grafted`: git's mark on a shallow boundary.
const FORMAT = [`--format=${RECORD}%cI %D`, '--decorate-refs-exclude=refs/*', '--decorate-refs-exclude=HEAD'];

/** The `git log` arguments whose output {@link parseGitLog} reads: newest first, NUL-separated, paths relative to cwd. */
export function gitLogArgs(paths: readonly string[]): string[] {
  return ['log', '-z', ...FORMAT, '--name-only', '--relative', '--', ...paths];
}

/** Parses the output of `git log` run with {@link gitLogArgs} (or without `--name-only`: no files). */
export function parseGitLog(output: string): LoggedCommit[] {
  return output
    .split(RECORD)
    .filter((record) => record.length > 0)
    .map((record) => {
      const headerEnd = record.indexOf('\0');
      const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
      const [iso = '', ...decorations] = header.trim().split(' ');
      const files =
        headerEnd === -1
          ? []
          : record
              .slice(headerEnd + 1)
              .replace(/^\n/, '')
              .split('\0')
              .filter((file) => file.length > 0);
      const shallowBoundary = decorations.join(' ').split(', ').includes('grafted');
      return { date: new Date(iso), shallowBoundary, files };
    });
}

/** A commit's date if it can be trusted as a last change: a wrong date is worse than none. */
const trustedDate = (commit: LoggedCommit | undefined) =>
  commit && !commit.shallowBoundary && !Number.isNaN(commit.date.getTime()) ? commit.date : undefined;

/**
 * The date each file last changed, from commits listed newest first. A file whose newest commit is a shallow
 * clone's boundary gets no date: its true last change may be older.
 */
export function lastChangeDates(commits: readonly LoggedCommit[]): Map<string, Date> {
  const dates = new Map<string, Date>();
  const seen = new Set<string>();
  for (const commit of commits) {
    for (const file of commit.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const date = trustedDate(commit);
      if (date) dates.set(file, date);
    }
  }
  return dates;
}

/**
 * Last-change dates of every file under `paths` (relative to `cwd`), from one `git log`: what a build asks for.
 * Outside a git checkout (a tarball, a temporary benchmark tree) the map is empty and callers fall back to the
 * frontmatter date.
 */
export async function readLastChangeDates(
  paths: readonly string[],
  cwd = process.cwd(),
): Promise<ReadonlyMap<string, Date>> {
  const log = await run('git', gitLogArgs(paths), { cwd, maxBuffer: 256 * 1024 * 1024 }).catch(() => undefined);
  return log ? lastChangeDates(parseGitLog(log.stdout)) : new Map();
}

/** The directory every path lies in, e.g. `content/notes` for the notes' files. */
export function commonDirectory(paths: readonly string[]): string {
  const split = paths.map((path) => path.replaceAll('\\', '/').split('/').slice(0, -1));
  const [first = []] = split;
  let length = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join('/') || '.';
}

/** Last-change dates of the given files (paths relative to cwd), from one `git log` over their common folder. */
export function readLastChangeDatesOf(
  files: readonly string[],
  cwd = process.cwd(),
): Promise<ReadonlyMap<string, Date>> {
  return files.length === 0 ? Promise.resolve(new Map()) : readLastChangeDates([commonDirectory(files)], cwd);
}

/**
 * The date one file (relative to `cwd`) last changed, from `git log -1`: what the dev server asks for the page it
 * renders, so a save never waits on the whole history. Undefined where git has no trustworthy date for it.
 */
export async function readLastChangeDate(file: string, cwd = process.cwd()): Promise<Date | undefined> {
  const log = await run('git', ['log', '-1', ...FORMAT, '--', file], { cwd }).catch(() => undefined);
  return log ? trustedDate(parseGitLog(log.stdout)[0]) : undefined;
}
