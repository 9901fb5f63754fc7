/**
 * `npm run bench [-- --sizes 100,1000,5000] [--keep]`: the scale benchmark.
 * For each size, generates that many synthetic notes into a temporary content
 * tree, runs a cold, full `astro build` (Pagefind index included) in its own
 * process into a temporary outDir, and measures it: pages/s end to end, CPU
 * time and peak memory (Pagefind's process included), dist/ size, HTML per page,
 * Pagefind time and index size, and query latency through the Pagefind API in
 * Chromium. Right after, it builds the floor — the bare Astro + MDX site in
 * bench/floor/, from the same notes, indexed by Pagefind the same way — and
 * gives our CPU and wall time as a ratio to the floor's. Prints the tables and
 * writes them with the machine and date to bench/RESULTS.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import {
  NOTES_PER_SECTION,
  syntheticNotes,
  syntheticRegistry,
  vocabulary,
  type NoteFormat,
} from './synthetic-notes.ts';
import { builtPages, pageFile } from '../../src/core/built-site.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from '../lib/chromium.ts';
import { scratchDir } from '../lib/scratch.ts';
import { watchPeakMemory } from '../lib/process-memory.ts';
import { gzipSize } from '../lib/page-load.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    keep: { type: 'boolean', default: false },
    /** `md` shows what MDX costs: the same notes as plain Markdown, which Astro renders in its content layer. */
    format: { type: 'string', default: 'mdx' },
    results: { type: 'string', default: 'bench/RESULTS.md' },
  },
});
if (values.format !== 'mdx' && values.format !== 'md') throw new Error(`--format is mdx or md; got "${values.format}"`);
const format: NoteFormat = values.format;
const sizes = values.sizes.split(',').map((size) => {
  const count = Number(size);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--sizes takes whole numbers, e.g. 100,1000; got "${size}"`);
  return count;
});

/** One build in its own process: wall and CPU time and peak memory, each with Pagefind's process counted. */
interface Measured {
  seconds: number;
  /** CPU seconds of the build and Pagefind: what the build costs, whatever else runs on the machine. */
  cpuSeconds: number;
  peakMemory: number;
}

interface Result {
  notes: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  cpuSeconds: number;
  peakMemory: number;
  floor: Measured;
  distBytes: number;
  htmlMean: number;
  htmlMax: number;
  htmlGzMean: number;
  pagefindMs: number;
  indexBytes: number;
  firstQueryMs: number;
  medianQueryMs: number;
}

function treeSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function runBuild(
  contentDir: string,
  outDir: string,
  cacheDir: string,
  floor = false,
): Promise<{ ms: number; peak: number; log: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        'scripts/bench/build-site.ts',
        '--content',
        contentDir,
        '--out',
        outDir,
        '--cache',
        cacheDir,
        ...(floor ? ['--floor'] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const memory = watchPeakMemory(child.pid!);
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const peak = memory.stop();
      if (code === 0) resolve({ ms, peak, log });
      else
        reject(
          new Error(
            `The build of the ${floor ? 'floor' : 'benchmark'} site failed (exit ${code}):\n${log.slice(-4000)}`,
          ),
        );
    });
  });
}

/** Median of 20 searches through the Pagefind API, each loading the first five results, as a reader's search box would. */
async function queryLatency(outDir: string, notePath: string): Promise<{ first: number; median: number }> {
  const server = await startPreview({ outDir });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${notePath}`);
    const words = vocabulary();
    const queries = Array.from({ length: 20 }, (_, at) => words[(at * 149 + 11) % words.length]!);
    const times = await page.evaluate(async (terms) => {
      type Pagefind = {
        init: () => Promise<void>;
        search: (term: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
      };
      // A URL on the served site, not a module of this project: kept in a variable so no bundler or type checker resolves it.
      const entry = '/pagefind/pagefind.js';
      const pagefind = (await import(entry)) as Pagefind;
      await pagefind.init();
      const spent: number[] = [];
      for (const term of terms) {
        const started = performance.now();
        const search = await pagefind.search(term);
        await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
        spent.push(performance.now() - started);
      }
      return spent;
    }, queries);
    const sorted = [...times].sort((a, b) => a - b);
    return { first: times[0]!, median: (sorted[9]! + sorted[10]!) / 2 };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const cpuSeconds = (log: string) => Number(/BENCH_CPU_SECONDS=([\d.]+)/.exec(log)?.[1] ?? NaN);

async function benchmark(notes: number): Promise<Result> {
  const root = mkdtempSync(join(tmpdir(), `asyncio-bench-${notes}-`));
  const contentDir = join(root, 'content');
  const buildDir = scratchDir(`bench-${notes}`);
  const outDir = join(buildDir, 'dist');
  try {
    for (const note of [syntheticRegistry(), ...syntheticNotes(notes, format)]) {
      const path = join(contentDir, note.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, note.source);
    }
    console.log(`\n${notes} .${format} notes → ${root}`);
    const build = await runBuild(contentDir, outDir, join(buildDir, 'cache'));
    const pagefindMs = Number(/Pagefind indexed \d+ of \d+ pages in (\d+) ms/.exec(build.log)?.[1] ?? NaN);
    const pages = builtPages(outDir);
    const notePages = pages.filter((page) => page.startsWith('/section-'));
    const html = notePages.map((page) => readFileSync(pageFile(outDir, page)));
    const sample = html.filter((_, at) => at % Math.max(1, Math.floor(html.length / 200)) === 0);
    const pagefindDir = join(outDir, 'pagefind');
    const indexBytes = ['index', 'fragment', 'filter']
      .map((folder) => join(pagefindDir, folder))
      .filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory())
      .reduce((sum, folder) => sum + treeSize(folder), 0);
    const latency = await queryLatency(outDir, notePages[0]!);
    // The floor after ours, not at once: each build has the machine to itself.
    const floorDir = join(buildDir, 'floor');
    const floor = await runBuild(contentDir, join(floorDir, 'dist'), join(floorDir, 'cache'), true);
    const result: Result = {
      notes,
      pages: pages.length,
      seconds: build.ms / 1000,
      pagesPerSecond: pages.length / (build.ms / 1000),
      cpuSeconds: cpuSeconds(build.log),
      peakMemory: build.peak,
      floor: { seconds: floor.ms / 1000, cpuSeconds: cpuSeconds(floor.log), peakMemory: floor.peak },
      distBytes: treeSize(outDir),
      htmlMean: html.reduce((sum, file) => sum + file.byteLength, 0) / html.length,
      htmlMax: Math.max(...html.map((file) => file.byteLength)),
      htmlGzMean: sample.reduce((sum, file) => sum + gzipSize(file), 0) / sample.length,
      pagefindMs,
      indexBytes,
      firstQueryMs: latency.first,
      medianQueryMs: latency.median,
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    if (values.keep) console.log(`kept ${root} and ${buildDir}`);
    else for (const dir of [root, buildDir]) rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const markdownTable = (rows: string[][]) =>
  [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

/** Ours against the floor, both with Pagefind: the comparison the scale issue asks for. */
function floorTable(results: Result[]): string {
  const header = [
    'notes',
    'CPU (s), ours',
    'CPU (s), floor',
    'CPU ratio',
    'build (s), ours',
    'build (s), floor',
    'wall ratio',
    'peak memory, ours',
    'peak memory, floor',
  ];
  const rows = results.map((result) => [
    String(result.notes),
    result.cpuSeconds.toFixed(1),
    result.floor.cpuSeconds.toFixed(1),
    `${(result.cpuSeconds / result.floor.cpuSeconds).toFixed(2)}×`,
    result.seconds.toFixed(1),
    result.floor.seconds.toFixed(1),
    `${(result.seconds / result.floor.seconds).toFixed(2)}×`,
    MB(result.peakMemory),
    MB(result.floor.peakMemory),
  ]);
  return markdownTable([header, ...rows]);
}

function table(results: Result[]): string {
  const header = [
    'notes',
    'pages',
    'build (s)',
    'pages/s',
    'CPU (s)',
    'pages/CPU-s',
    'peak memory',
    'dist/',
    'HTML/page (mean · max · gz)',
    'Pagefind',
    'index',
    'index/page',
    'query (median · first)',
  ];
  const rows = results.map((result) => [
    String(result.notes),
    String(result.pages),
    result.seconds.toFixed(1),
    result.pagesPerSecond.toFixed(0),
    result.cpuSeconds.toFixed(1),
    (result.pages / result.cpuSeconds).toFixed(0),
    MB(result.peakMemory),
    MB(result.distBytes),
    `${kB(result.htmlMean)} · ${kB(result.htmlMax)} · ${kB(result.htmlGzMean)}`,
    `${(result.pagefindMs / 1000).toFixed(2)} s`,
    MB(result.indexBytes),
    kB(result.indexBytes / result.pages),
    `${result.medianQueryMs.toFixed(1)} ms · ${result.firstQueryMs.toFixed(0)} ms`,
  ]);
  return markdownTable([header, ...rows]);
}

function machine(): string {
  const cpu = cpus();
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; commit ${commit}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}`,
    `- Load average when the run started: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')} (other builds sharing the machine slow every number down)`,
  ].join('\n');
}

const header = machine();
const results: Result[] = [];
for (const size of sizes) results.push(await benchmark(size));
const report = `${floorTable(results)}\n\nOur build in detail:\n\n${table(results)}`;
console.log(`\n${header}\n\n${report}`);

// A hand-written "## Analysis" section at the end of the file survives a re-run.
const ANALYSIS = '\n## Analysis\n';
const previous = existsSync(values.results) ? readFileSync(values.results, 'utf8') : '';
const analysis = previous.includes(ANALYSIS) ? previous.slice(previous.indexOf(ANALYSIS)) : '';

// Formatted as the repository's Prettier check expects, so a fresh report needs no hand edit.
const markdown = `# Scale benchmark

\`npm run bench\` (scripts/bench/bench.ts) generates N synthetic notes (${NOTES_PER_SECTION} to a section; each ~9 kB of MDX with
h2/h3 headings, prose, a table, a quote with its source, a TypeScript code block and a runnable snippet — see
scripts/bench/synthetic-notes.ts), runs a cold \`astro build\` of the whole site including the Pagefind index in its own
process, and measures it. Then it builds the floor from the same notes: a bare Astro + MDX site (bench/floor/: default
Shiki, no plugins, one page per note), indexed by Pagefind the same way.

${header}

${report}

- **build / pages/s**: wall time of the build process, start to exit — Node start-up, Astro, MDX, sitemap and Pagefind
  — divided into every HTML page written.
- **CPU (s)**: user + system time of the build process and of Pagefind's process (the benchmark waits until the build's
  process has reaped it: scripts/bench/build-cpu.ts); **pages/CPU-s** is the throughput one core would give without other
  jobs — the number to compare between runs on a shared machine. **CPU ratio**, **wall ratio**: ours ÷ the floor's.
- **peak memory**: high-water mark of the build process plus Pagefind's, summed.
- **HTML/page**: note pages, raw bytes (mean and max) and gzipped mean.
- **Pagefind**: wall time of the index as the build reports it (it runs alongside the link check);
  **index**: \`pagefind/index\`, \`fragment\` and \`filter\`.
- **query**: Pagefind API in Chromium, 20 different one-word queries, each loading its first five results;
  the median, and the first query (which also loads the WebAssembly and index entry).
${analysis}`;
writeFileSync(
  values.results,
  await prettier.format(markdown, { ...(await prettier.resolveConfig(values.results)), filepath: values.results }),
);
console.log(`\nWrote ${values.results}`);
