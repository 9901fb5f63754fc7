import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A commit as `git log` reports it: its hash, committer date and the files it touched. */
export interface LoggedCommit {
  hash: string;
  date: Date;
  files: string[];
}

const RECORD = '\x1e';

/** The `git log` arguments whose output {@link parseGitLog} reads: newest first, NUL-separated, paths relative to cwd. */
export function gitLogArgs(paths: string[]): string[] {
  return ['log', '-z', `--format=${RECORD}%H %cI`, '--name-only', '--relative', '--', ...paths];
}

/** Parses the output of `git log` run with {@link gitLogArgs}. */
export function parseGitLog(output: string): LoggedCommit[] {
  return output
    .split(RECORD)
    .filter((record) => record.length > 0)
    .map((record) => {
      const headerEnd = record.indexOf('\0');
      const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
      const [hash = '', iso = ''] = header.trim().split(' ');
      const files =
        headerEnd === -1
          ? []
          : record
              .slice(headerEnd + 1)
              .replace(/^\n/, '')
              .split('\0')
              .filter((file) => file.length > 0);
      return { hash, date: new Date(iso), files };
    });
}

/**
 * The date each file last changed, from commits listed newest first. In a
 * shallow clone the oldest fetched commits look as if they added every file,
 * so a file whose newest commit is such a boundary commit gets no date: its
 * true last change may be older, and a wrong date is worse than none.
 */
export function lastChangeDates(commits: LoggedCommit[], shallowBoundaries: ReadonlySet<string>): Map<string, Date> {
  const dates = new Map<string, Date>();
  const seen = new Set<string>();
  for (const commit of commits) {
    for (const file of commit.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (!shallowBoundaries.has(commit.hash) && !Number.isNaN(commit.date.getTime())) dates.set(file, commit.date);
    }
  }
  return dates;
}

/** Where a checkout keeps its HEAD (per worktree) and its refs and shallow list (shared by worktrees). */
interface GitDirs {
  gitDir: string;
  commonDir: string;
}

const gitDirsByCwd = new Map<string, Promise<GitDirs>>();

function gitDirs(cwd: string): Promise<GitDirs> {
  let dirs = gitDirsByCwd.get(cwd);
  if (!dirs) {
    dirs = run('git', ['rev-parse', '--absolute-git-dir', '--git-common-dir'], { cwd }).then(({ stdout }) => {
      const [gitDir = '', commonDir = ''] = stdout.trim().split('\n');
      return { gitDir, commonDir: resolve(cwd, commonDir) };
    });
    // A failure is not kept: `git init` may come later in the same dev session.
    dirs.catch(() => gitDirsByCwd.delete(cwd));
    gitDirsByCwd.set(cwd, dirs);
  }
  return dirs;
}

const readIfThere = (file: string) => readFile(file, 'utf8').catch(() => undefined);

/**
 * The commit HEAD points at, read from git's files: loose ref, then packed-refs, as git itself looks them up.
 * Undefined where the files do not tell (an unborn branch, the reftable format): git is asked instead.
 */
async function headFromFiles({ gitDir, commonDir }: GitDirs): Promise<string | undefined> {
  // Anything but a commit id (a ref pointing at another ref, say) is left to git: it would never change as HEAD moves.
  const commit = (text: string | undefined) => (text && /^[0-9a-f]{40,64}$/.test(text) ? text : undefined);
  const head = (await readIfThere(`${gitDir}/HEAD`))?.trim();
  if (!head?.startsWith('ref: ')) return commit(head);
  const ref = head.slice('ref: '.length);
  const loose = await readIfThere(`${commonDir}/${ref}`);
  if (loose !== undefined) return commit(loose.trim());
  const packed = await readIfThere(`${commonDir}/packed-refs`);
  return commit(
    packed
      ?.split('\n')
      .find((line) => line.endsWith(` ${ref}`))
      ?.split(' ')[0],
  );
}

/** The commit checked out and, in a shallow clone, the commits whose parents were not fetched. */
async function repositoryState(cwd: string): Promise<{ head: string; shallowBoundaries: Set<string> }> {
  const dirs = await gitDirs(cwd);
  const head = (await headFromFiles(dirs)) ?? (await run('git', ['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  const shallow = await readIfThere(`${dirs.commonDir}/shallow`);
  return { head, shallowBoundaries: new Set(shallow?.split('\n').filter(Boolean)) };
}

// The last answer. `astro dev` asks again after every save, and the dates come from commits only, so they stay the
// same until HEAD or the shallow boundary moves. Reading those from git's files spawns no process: at 1,000 notes the
// two `git` processes the dev server used to start per save cost it ~200 ms (bench:dev 604–659 ms → 404–411 ms), and
// `git log` alone grows with the history (210 ms warm, 2 s cold, for 1,000 commits touching notes).
let last: { key: string; dates: ReadonlyMap<string, Date> } | undefined;

/**
 * Last-change dates of every file under `paths` (relative to `cwd`), from one
 * `git log` call. Outside a git checkout (a tarball, a temporary benchmark
 * tree) the map is empty and callers fall back to the frontmatter date.
 */
export async function readLastChangeDates(paths: string[], cwd = process.cwd()): Promise<ReadonlyMap<string, Date>> {
  try {
    const { head, shallowBoundaries } = await repositoryState(cwd);
    const key = JSON.stringify([resolve(cwd), paths, head, [...shallowBoundaries].sort()]);
    if (last?.key !== key) {
      // Paths git does not track (outside the checkout) get no dates, as often as they are asked for.
      const log = await run('git', gitLogArgs(paths), { cwd, maxBuffer: 256 * 1024 * 1024 }).catch(() => undefined);
      last = { key, dates: log ? lastChangeDates(parseGitLog(log.stdout), shallowBoundaries) : new Map() };
    }
    return last.dates;
  } catch {
    return new Map();
  }
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
