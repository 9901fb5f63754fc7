/**
 * One clean build in its own process, for the benchmark (which measures the
 * process's peak memory) and the reproducibility check:
 *   node scripts/bench/build-site.ts --out <dir> --cache <dir> [--content <dir>] [--floor satteri|unified]
 * A fresh cache directory means no content-layer cache: a cold build.
 * `--floor` builds one of the bare Astro + MDX sites in bench/floor/ from the same
 * notes instead, then indexes it with Pagefind as our build does its own.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { build } from 'astro';
import { buildSearchIndex } from '../../src/features/search/pagefind-index.ts';
import { cpuSecondsWithChildren, untilChildrenReaped } from './build-cpu.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    out: { type: 'string' },
    cache: { type: 'string' },
    floor: { type: 'string' },
  },
});
/** The config file of each floor in bench/floor/ (see its README). */
const FLOOR_CONFIGS: Record<string, string> = { satteri: 'astro.config.mjs', unified: 'unified.config.mjs' };
if (!values.out || !values.cache || (values.floor !== undefined && !(values.floor in FLOOR_CONFIGS))) {
  console.error(
    'usage: node scripts/bench/build-site.ts --out <dir> --cache <dir> [--content <dir>] [--floor satteri|unified]',
  );
  process.exit(2);
}
if (values.content) process.env.CONTENT_DIR = resolve(values.content);
const outDir = resolve(values.out);
await build({
  ...(values.floor && { root: resolve('bench/floor'), configFile: FLOOR_CONFIGS[values.floor] }),
  outDir,
  cacheDir: resolve(values.cache),
  logLevel: 'info',
});
if (values.floor) {
  const started = performance.now();
  const report = await buildSearchIndex(outDir);
  // The line our build's own Pagefind step logs (src/build/index-check-and-publish.ts), which the benchmark reads.
  console.log(
    `Pagefind indexed ${report.indexed} of ${report.read} pages in ${Math.round(performance.now() - started)} ms`,
  );
}

// Pagefind's indexer only gets a signal when the build closes it: wait for its end so its CPU time counts here.
await untilChildrenReaped('pagefind');
// Unlike wall time, CPU time barely changes when other jobs share the machine.
const cpuSeconds = cpuSecondsWithChildren();
if (cpuSeconds !== undefined) console.log(`BENCH_CPU_SECONDS=${cpuSeconds}`);
