/**
 * What the scripts and the browser tests need to look at a built site in a
 * browser: Debian's Chromium and its flags, a free port, and `astro preview`
 * serving the build there. Tests import this module; it imports nothing from
 * tests.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import which from 'which';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The Debian packages the browser tests need beyond npm's: Chromium's headless shell to drive, and poppler-utils'
 * `pdftotext` to read a printed chapter back. The shell is the same Chromium build without a browser window, as
 * Playwright drives by default; each page costs it about a third of the CPU the full browser's headless mode spends
 * (bench/RESULTS.md), which on two cores decides the suite's time.
 */
export const TEST_PACKAGES = ['chromium-headless-shell', 'poppler-utils'] as const;
export type TestPackage = (typeof TEST_PACKAGES)[number];

/** The one line that says how to get what the browser tests need when they cannot install it themselves. */
export function installInstruction(missing: readonly TestPackage[]): string {
  const chromium = missing.includes('chromium-headless-shell') ? ' (or set CHROMIUM_PATH to a Chromium binary)' : '';
  return `The browser tests need ${missing.join(' and ')}: run \`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\`${chromium}, then run the tests again.`;
}

export const INSTALL_CHROMIUM = installInstruction(['chromium-headless-shell']);

/** The full browser's names on PATH, used when the headless shell is not installed. */
const FULL_CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'];

const onPath = (name: string, env: NodeJS.ProcessEnv) =>
  which.sync(name, { path: env.PATH, nothrow: true }) ?? undefined;

/**
 * The system Chromium to drive: CHROMIUM_PATH (e.g. a runner where Playwright installed its own browser), else
 * Debian's headless shell, else a full Chromium; undefined when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.CHROMIUM_PATH || onPath('chromium-headless-shell', env) || findFullChromium(env);
}

/** The Chromium to drive; throws the one-line instruction when there is none. */
export function chromiumExecutable(): string {
  const found = findChromium();
  if (!found) throw new Error(INSTALL_CHROMIUM);
  return found;
}

/**
 * What `npm test` does about its Debian packages before it starts: nothing, install them the way `.ci/run` always
 * did, or stop. `slower` says the tests run on a full Chromium, as the shell is missing and will not be installed.
 */
export type ChromiumSetup =
  | { action: 'ready'; slower?: string }
  | { action: 'install'; commands: string[][] }
  | { action: 'stop'; message: string };

export function chromiumSetup(machine: {
  /** The packages whose program is not on this machine. */
  missing: readonly TestPackage[];
  root: boolean;
  aptGet?: string | undefined;
  /** A full Chromium on PATH, which drives the tests if the headless shell is missing. */
  fullChromium?: string | undefined;
}): ChromiumSetup {
  const { missing } = machine;
  if (missing.length === 0) return { action: 'ready' };
  if (machine.root && machine.aptGet)
    return {
      action: 'install',
      commands: [
        [machine.aptGet, 'update', '-qq'],
        [machine.aptGet, 'install', '-y', '-qq', ...missing],
      ],
    };
  if (missing.length === 1 && missing[0] === 'chromium-headless-shell' && machine.fullChromium) {
    const slower = `The browser tests run on ${machine.fullChromium}, which takes them about twice as long: ${installInstruction(missing)}`;
    return { action: 'ready', slower };
  }
  return { action: 'stop', message: installInstruction(missing) };
}

/** A full Chromium on PATH (not the headless shell), or undefined. */
export function findFullChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return FULL_CHROMIUM.map((name) => onPath(name, env)).find(Boolean);
}

/** The test packages this machine lacks, judged by their programs; CHROMIUM_PATH stands in for the shell. */
export function missingTestPackages(env: NodeJS.ProcessEnv = process.env): TestPackage[] {
  const found: Record<TestPackage, boolean> = {
    'chromium-headless-shell': Boolean(env.CHROMIUM_PATH) || onPath('chromium-headless-shell', env) !== undefined,
    'poppler-utils': onPath('pdftotext', env) !== undefined,
  };
  return TEST_PACKAGES.filter((name) => !found[name]);
}

/** Headless, sandbox-free, and quiet: no first-run UI, no background requests to other hosts. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The flags of runs that check what code prints (the browser tests, the importer's Python sandbox): V8 compiles
 * WebAssembly with its baseline compiler only, as every reader's first run does, and does not re-optimise hot
 * functions in the background. Each Python start then costs about 40 % less CPU (bench/RESULTS.md); benchmarks,
 * which time what readers get, keep the browser's defaults.
 */
export const OUTPUT_CHECK_FLAGS = [...CHROMIUM_FLAGS, '--js-flags=--liftoff-only'];

/** A TCP port free on 127.0.0.1 right now: scripts serve the site there without clashing with anyone's dev server. */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : reject(new Error('No free port on 127.0.0.1.')),
      );
    });
  });
}

export interface PreviewOptions {
  /** The project to serve (its astro.config.mjs decides the base path); this project by default. */
  cwd?: string;
  /** Another build folder than the config's (`dist/`). */
  outDir?: string;
  /** Environment for the server on top of this process's, e.g. SITE_BASE. */
  env?: NodeJS.ProcessEnv;
  /** The site's base path, where the server is asked whether it is up; `/` by default. */
  base?: string;
  /** How long the server may take to answer; the machine may be busy building elsewhere. */
  timeoutMs?: number;
}

export interface Preview {
  /** `http://127.0.0.1:<port>`, without the base path. */
  origin: string;
  /** Stops the server and waits until it has exited. */
  stop: () => Promise<void>;
}

/** Serves a built site with `astro preview` on a free port of 127.0.0.1 and resolves once it answers. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // --ignore-lock: each caller serves its own build on its own port, beside any other preview of this project.
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'];
  if (options.outDir) args.push('--outDir', options.outDir);
  // This process's Node, not whichever `node` PATH finds first: Astro needs the project's Node 24.
  const server = spawn(process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill();
    await exited;
  };

  const url = origin + (options.base ?? '/');
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro preview exited (code ${server.exitCode}):\n${output}`);
    try {
      if ((await fetch(url)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stop();
  throw new Error(`astro preview did not answer at ${url} within ${options.timeoutMs ?? 180_000} ms:\n${output}`);
}
