import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/** What a project copy is made of: the code and config, not content or build output. */
const copied = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  '.prettierrc.json',
  '.prettierignore',
  'eslint.config.js',
  'src',
  'public',
  'scripts',
];

/**
 * A throwaway copy of the project whose content is `contentDir`, for running
 * `npm run check` or a build on a fixture. Astro writes generated files into
 * the root (.astro/) and node_modules/.astro; in a copy, a fixture build
 * cannot race the real build that `npm run check` runs next to the unit tests.
 */
export function isolatedProject(
  contentDir: string,
  /** More paths to copy to the same place, e.g. a fixture tree that CONTENT_DIR will point at. */
  extra: string[] = [],
): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'asyncio-notes-fixture-'));
  for (const entry of [...copied, ...extra]) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  cpSync(resolve(projectRoot, contentDir), join(root, 'content'), { recursive: true });
  // Packages are shared (symlinked one by one); the caches Astro and Vite keep in node_modules are not.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** What `astro build` of a fixture tree in a project copy did; the copy stays until `dispose()`. */
export interface FixtureBuild {
  code: number;
  output: string;
  root: string;
  dist: string;
  /** Whether the build wrote a site (dist/ is replaced only by a complete, checked build). */
  built: boolean;
  dispose: () => void;
}

/**
 * `astro build` of the content tree `tree` (a fixture under the project, given to the build as CONTENT_DIR) in a
 * fresh copy of the project, as a contributor runs it. Asynchronous, so a test file can run several side by side.
 */
export async function buildFixture(tree: string): Promise<FixtureBuild> {
  const project = isolatedProject('content', [tree]);
  const { code, output } = await runBin(project.root, 'astro', ['build'], {
    CONTENT_DIR: tree,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  });
  const dist = join(project.root, 'dist');
  return { code, output, root: project.root, dist, built: existsSync(dist), dispose: project.dispose };
}

/** A command installed in the project's node_modules/.bin. */
export function localBin(name: string): string {
  return join(projectRoot, 'node_modules', '.bin', name);
}

/** Runs `npm run check -- <args>` (the runner itself, as npm would) in `cwd`. */
export function runCheck(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  return runScript(cwd, 'scripts/check/run.ts', args, env);
}

/** Runs one of the project's TypeScript scripts with tsx in `cwd`, with node_modules/.bin on PATH as npm puts it. */
export function runScript(
  cwd: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  return runBin(cwd, 'tsx', [script, ...args], env);
}

/**
 * This process's environment without what Vitest adds: NODE_ENV=test would make Vite build the site with its
 * development branches (import.meta.env.DEV), which no contributor's `npm run build` ever ships.
 */
function contributorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
}

/** Runs a command of the project's node_modules/.bin (`astro`, `node`, `tsx`) in `cwd`; output is stdout then stderr. */
export function runBin(
  cwd: string,
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  const bin = join(projectRoot, 'node_modules', '.bin');
  return new Promise((done) => {
    execFile(
      join(bin, name),
      args,
      { cwd, env: { ...contributorEnv(), PATH: `${bin}:${process.env.PATH}`, CI: 'true', ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}
