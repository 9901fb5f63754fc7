/**
 * `npm run bench:features [-- --notes 1000]`: what each of our features costs a build, from one CPU profile.
 *
 * It writes N synthetic notes (the scale benchmark's), builds them once in a process of their own under
 * `node --cpu-prof`, and gives every sample of the profile to the innermost frame on its stack that is our code:
 * `src/features/<feature>/` is that feature, the rest of `src/` is shared code, and a sample with none of ours on its
 * stack goes to the package its own frame is in (Astro, MDX, Shiki, Vite…). So a feature's share includes the
 * library work it asks for (Shiki under code-blocks, Pagefind's API under search), and the floor's own work stays
 * with its packages. Pagefind's indexer, a separate process, is not in the profile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticNotes, syntheticRegistry } from './synthetic-notes.ts';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const projectRoot = process.cwd();

/** Who a frame's code belongs to: a feature, our shared code, a package, or the runtime. */
export function owner({ url, functionName }: ProfileNode['callFrame']): { ours: boolean; name: string } {
  if (functionName === '(garbage collector)') return { ours: false, name: '(garbage collection)' };
  if (functionName === '(program)') return { ours: false, name: '(V8 and Node, native)' };
  const path = url.replace(/^file:\/\//, '');
  const feature = /\/src\/features\/([\w-]+)\//.exec(path);
  if (path.startsWith(projectRoot) && !path.includes('/node_modules/')) {
    if (feature) return { ours: true, name: `feature: ${feature[1]}` };
    const inSrc = /\/src\/([\w-]+)\//.exec(path.slice(projectRoot.length));
    if (inSrc) return { ours: true, name: `src/${inSrc[1]}` };
    if (path.slice(projectRoot.length).startsWith('/scripts/')) return { ours: false, name: '(benchmark script)' };
  }
  // Pages render from Astro's bundle of our components and the code they import: their features are not told apart.
  if (path.includes('/.prerender/')) return { ours: false, name: '(page rendering: the prerender bundle)' };
  const pkg = /\/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//.exec(path);
  if (pkg) return { ours: false, name: pkg[1]! };
  if (path.startsWith('node:') || path === '') return { ours: false, name: '(Node)' };
  return { ours: false, name: `(other: ${path.slice(0, 60)})` };
}

/** Milliseconds per owner: each sample goes to the innermost frame of ours on its stack, else its own frame's owner. */
export function attribute(profile: CpuProfile): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ownerOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = ownerOf.get(id);
    if (known) return known;
    let name = owner(byId.get(id)!.callFrame).name;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = owner(byId.get(at)!.callFrame);
      if (frame.ours) {
        name = frame.name;
        break;
      }
    }
    ownerOf.set(id, name);
    return name;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    // Waiting on the disk, a child process or a timer is not CPU time.
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    const name = resolve(id);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return totals;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' } } });
  const notes = Number(values.notes);
  if (!Number.isInteger(notes) || notes < 1) {
    console.error(`bench:features: --notes takes a whole number, e.g. 1000; got "${values.notes}"`);
    process.exit(2);
  }
  const root = mkdtempSync(join(tmpdir(), `asyncio-features-${notes}-`));
  try {
    const contentDir = join(root, 'content');
    for (const note of [syntheticRegistry(), ...syntheticNotes(notes)]) {
      const path = join(contentDir, note.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, note.source);
    }
    const profileDir = join(root, 'profile');
    console.log(`${notes} notes → ${root}; building under --cpu-prof…`);
    const built = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        'scripts/bench/build-site.ts',
        '--content',
        contentDir,
        '--out',
        join(root, 'dist'),
        '--cache',
        join(root, 'cache'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    if (built.status !== 0) {
      console.error(`bench:features: the build failed:\n${built.stdout}${built.stderr}`);
      process.exit(1);
    }
    const totals = new Map<string, number>();
    for (const file of readdirSync(profileDir)) {
      const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
      for (const [name, ms] of attribute(profile)) totals.set(name, (totals.get(name) ?? 0) + ms);
    }
    const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
    const rows = [...totals].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= all / 500);
    console.log(`\n| owner | CPU (s) | share |\n| --- | --- | --- |`);
    for (const [name, ms] of rows)
      console.log(`| ${name} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / all).toFixed(1)} % |`);
    console.log(`| all (${notes} notes, Pagefind's indexer not included) | ${(all / 1000).toFixed(2)} | 100 % |`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
