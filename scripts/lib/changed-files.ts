/**
 * What a pull request or a working tree changes against the main branch: the files, and the pages they add, change
 * or remove. `npm run check -- --changed` and the CI job summary read it.
 */
import { execFileSync } from 'node:child_process';
import { noteId } from '../../src/features/notes/unique-routes.ts';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface ChangedFile {
  file: string;
  kind: ChangeKind;
}

export interface ChangedPage {
  /** The page's path on the site, e.g. `/introduction/c10k/`. */
  path: string;
  file: string;
  kind: ChangeKind;
}

const git = (args: string[], cwd?: string): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The branch to compare with: the pull request's base in GitHub Actions, else origin/main or main, whichever exists. */
export function baseBranch(env: NodeJS.ProcessEnv = process.env, cwd?: string): string {
  const candidates = [env.GITHUB_BASE_REF && `origin/${env.GITHUB_BASE_REF}`, 'origin/main', 'main'];
  for (const candidate of candidates.filter((name): name is string => Boolean(name))) {
    try {
      git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], cwd);
      return candidate;
    } catch {}
  }
  throw new Error('no main branch to compare with: fetch it first (`git fetch origin main`).');
}

const KINDS: Record<string, ChangeKind> = { A: 'added', M: 'changed', D: 'removed', T: 'changed', C: 'added' };

/** `git diff --name-status` lines, renames as a removal and an addition. */
export function parseNameStatus(output: string): ChangedFile[] {
  return output
    .split('\n')
    .filter(Boolean)
    .flatMap((line): ChangedFile[] => {
      const [status = '', ...paths] = line.split('\t');
      if (status.startsWith('R')) {
        return [
          { file: paths[0]!, kind: 'removed' },
          { file: paths[1]!, kind: 'added' },
        ];
      }
      return [{ file: paths[0]!, kind: KINDS[status[0]!] ?? 'changed' }];
    });
}

/** Files changed since the merge base with `base`, committed or not (untracked files included), in repository `cwd`. */
export function changedFiles(base: string = baseBranch(), cwd?: string): ChangedFile[] {
  const mergeBase = git(['merge-base', base, 'HEAD'], cwd).trim();
  const tracked = parseNameStatus(git(['diff', '--name-status', '--find-renames', mergeBase], cwd));
  const untracked = git(['ls-files', '--others', '--exclude-standard'], cwd)
    .split('\n')
    .filter(Boolean)
    .map((file): ChangedFile => ({ file, kind: 'added' }));
  return [...tracked, ...untracked];
}

const NOTE = /^content\/notes\/(.+)\.mdx?$/;

/** The site path of a note file in the repository, as the build names its page (noteId). */
export function notePath(file: string): string | undefined {
  const inside = NOTE.exec(file)?.[1];
  if (inside === undefined) return undefined;
  const id = noteId(`${inside}.mdx`);
  return id === '' ? '/' : `/${id}/`;
}

export function changedPages(files: readonly ChangedFile[]): ChangedPage[] {
  return files.flatMap(({ file, kind }) => {
    const path = notePath(file);
    return path === undefined ? [] : [{ path, file, kind }];
  });
}

/** True when a change can alter pages other than its own notes' (code, styles, sources, config). */
export function changesEveryPage(files: readonly ChangedFile[]): boolean {
  return files.some(({ file }) => !NOTE.test(file) && !/\.md$/.test(file) && !file.startsWith('tests/'));
}
