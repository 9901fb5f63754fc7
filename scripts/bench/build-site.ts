/**
 * One clean build in its own process, for the benchmark (which measures the
 * process's peak memory) and the reproducibility check:
 *   node scripts/bench/build-site.ts --out <dir> --cache <dir> [--content <dir>]
 * A fresh cache directory means no content-layer cache: a cold build.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { build } from 'astro';

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } },
});
if (!values.out || !values.cache) {
  console.error('usage: node scripts/bench/build-site.ts --out <dir> --cache <dir> [--content <dir>]');
  process.exit(2);
}
if (values.content) process.env.CONTENT_DIR = values.content;
await build({ outDir: values.out, cacheDir: values.cache, logLevel: 'info' });

// CPU time of this process and of the children it waited for (Pagefind): unlike
// wall time, it barely changes when other jobs share the machine. Linux only.
try {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const [utime, stime, cutime, cstime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 15)
    .map(Number);
  console.log(`BENCH_CPU_SECONDS=${(utime! + stime! + cutime! + cstime!) / 100}`);
} catch {
  // no /proc: the benchmark reports wall time only
}
