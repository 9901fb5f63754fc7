/**
 * One clean build in its own process, for the benchmark (which measures the
 * process's peak memory) and the reproducibility check:
 *   node scripts/bench/build-site.ts --out <dir> --cache <dir> [--content <dir>]
 * A fresh cache directory means no content-layer cache: a cold build.
 */
import { parseArgs } from 'node:util';
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
