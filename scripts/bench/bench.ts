/**
 * `npm run bench [-- --sizes 100,1000,5000] [--rounds 3] [--keep]`: the scale benchmark.
 * For each size, generates that many synthetic notes into a temporary content
 * tree, runs a cold, full `astro build` (Pagefind index included) in its own
 * process into a temporary outDir, and measures it: pages/s end to end, CPU
 * time and peak memory (Pagefind's process included), dist/ size, HTML per page,
 * Pagefind time and index size, and query latency through the Pagefind API in
 * Chromium. It also builds the two floors — the bare Astro + MDX sites in
 * bench/floor/ (Sätteri, and the same stack as ours), from the same notes,
 * indexed by Pagefind the same way — one build at a time, in rotating order for
 * each round, and gives our CPU and wall time (medians over the rounds) as a
 * ratio to each floor's. Prints the tables and writes them with the machine and
 * date to bench/RESULTS.md.
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
import { median } from '../lib/median.ts';
import { gzipSize } from '../lib/page-load.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    keep: { type: 'boolean', default: false },
    /** `md` shows what MDX costs: the same notes as plain Markdown, which Astro renders in its content layer. */
    format: { type: 'string', default: 'mdx' },
    /** Builds of each site per size, alternated; the tables give medians. */
    rounds: { type: 'string', default: '1' },
    results: { type: 'string', default: 'bench/RESULTS.md' },
  },
});
if (values.format !== 'mdx' && values.format !== 'md') throw new Error(`--format is mdx or md; got "${values.format}"`);
const format: NoteFormat = values.format;
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds takes a whole number, e.g. 3; got "${values.rounds}"`);
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

/** Our site, and the floors in bench/floor/ (see its README). */
type Site = 'ours' | 'satteri' | 'unified';
const SITES: readonly Site[] = ['ours', 'satteri', 'unified'];

interface Result {
  notes: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  cpuSeconds: number;
  peakMemory: number;
  /** Each site's CPU seconds, one per round, in the order the rounds ran. */
  cpuRounds: Record<Site, number[]>;
  /** The Sätteri floor: Astro 7's default processor. */
  satteri: Measured;
  /** The same-stack floor: the unified processor with remark-gfm, Shiki with two themes. */
  sameStack: Measured;
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
  site: Site,
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
        ...(site === 'ours' ? [] : ['--floor', site]),
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
            `The build of the ${site === 'ours' ? 'benchmark' : `${site} floor`} site failed (exit ${code}):\n${log.slice(-4000)}`,
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
    // Each round builds every site once, one at a time (each has the machine to itself), starting with a different
    // site each round, so a slow spell on the shared machine does not always fall on the same site.
    const runs: Record<Site, Measured[]> = { ours: [], satteri: [], unified: [] };
    let build: { ms: number; peak: number; log: string } | undefined;
    for (let round = 0; round < rounds; round++) {
      for (const site of [...SITES.slice(round % SITES.length), ...SITES.slice(0, round % SITES.length)]) {
        const dir = join(buildDir, `${site}-${round}`);
        const run = await runBuild(
          contentDir,
          site === 'ours' && !build ? outDir : join(dir, 'dist'),
          join(dir, 'cache'),
          site,
        );
        if (site === 'ours') build ??= run;
        runs[site].push({ seconds: run.ms / 1000, cpuSeconds: cpuSeconds(run.log), peakMemory: run.peak });
        console.log(
          `round ${round + 1}/${rounds}, ${site}: ${cpuSeconds(run.log)} CPU-s, ${(run.ms / 1000).toFixed(1)} s`,
        );
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const medians = (site: Site): Measured => ({
      seconds: median(runs[site].map((run) => run.seconds)),
      cpuSeconds: median(runs[site].map((run) => run.cpuSeconds)),
      peakMemory: median(runs[site].map((run) => run.peakMemory)),
    });
    const ours = medians('ours');
    const pagefindMs = Number(/Pagefind indexed \d+ of \d+ pages in (\d+) ms/.exec(build!.log)?.[1] ?? NaN);
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
    const result: Result = {
      notes,
      pages: pages.length,
      seconds: ours.seconds,
      pagesPerSecond: pages.length / ours.seconds,
      cpuSeconds: ours.cpuSeconds,
      peakMemory: ours.peakMemory,
      cpuRounds: {
        ours: runs.ours.map((run) => run.cpuSeconds),
        satteri: runs.satteri.map((run) => run.cpuSeconds),
        unified: runs.unified.map((run) => run.cpuSeconds),
      },
      satteri: medians('satteri'),
      sameStack: medians('unified'),
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

/** Ours against each floor, all with Pagefind: the comparison the scale issue asks for (medians over the rounds). */
function floorTable(results: Result[]): string {
  const header = [
    'notes',
    'CPU (s), ours',
    'CPU (s), same-stack floor',
    'CPU ratio, same stack',
    'CPU (s), Sätteri floor',
    'CPU ratio, Sätteri',
    'build (s), ours · same stack · Sätteri',
    'peak memory, ours · same stack · Sätteri',
  ];
  const ratio = (ours: number, floor: number) => `${(ours / floor).toFixed(2)}×`;
  const rows = results.map((result) => [
    String(result.notes),
    result.cpuSeconds.toFixed(1),
    result.sameStack.cpuSeconds.toFixed(1),
    ratio(result.cpuSeconds, result.sameStack.cpuSeconds),
    result.satteri.cpuSeconds.toFixed(1),
    ratio(result.cpuSeconds, result.satteri.cpuSeconds),
    [result.seconds, result.sameStack.seconds, result.satteri.seconds].map((seconds) => seconds.toFixed(1)).join(' · '),
    [result.peakMemory, result.sameStack.peakMemory, result.satteri.peakMemory].map(MB).join(' · '),
  ]);
  return markdownTable([header, ...rows]);
}

/** Every round's CPU seconds, so the spread the medians hide stays in view. */
function roundsTable(results: Result[]): string {
  const header = ['notes', 'CPU (s) per round: ours', 'same-stack floor', 'Sätteri floor'];
  const rows = results.map((result) => [
    String(result.notes),
    ...(['ours', 'unified', 'satteri'] as const).map((site) =>
      result.cpuRounds[site].map((cpu) => cpu.toFixed(1)).join(', '),
    ),
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
const report = `${floorTable(results)}\n\nEach round (${rounds} per size, sites in rotating order):\n\n${roundsTable(results)}\n\nOur build in detail (times: medians; output and Pagefind: its first build):\n\n${table(results)}`;
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
process, and measures it. It builds two floors from the same notes, indexed by Pagefind the same way (bench/floor/: bare
Astro + MDX, no plugins, one page per note): the **same-stack floor**, the design card's stack (the unified processor
with remark-gfm, Shiki with two themes), and the **Sätteri floor**, Astro 7's default processor with one Shiki theme.
Each size runs ${rounds} round${rounds === 1 ? '' : 's'} of one build per site, one at a time, in rotating order; the
first table gives medians.

${header}

${report}

- **build / pages/s**: wall time of the build process, start to exit — Node start-up, Astro, MDX, sitemap and Pagefind
  — divided into every HTML page written.
- **CPU (s)**: user + system time of the build process and of Pagefind's process (the benchmark waits until the build's
  process has reaped it: scripts/bench/build-cpu.ts); **pages/CPU-s** is the throughput one core would give without other
  jobs — the number to compare between runs on a shared machine. **CPU ratio**: ours ÷ that floor's.
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
