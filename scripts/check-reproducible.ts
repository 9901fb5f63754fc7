/**
 * `npm run check:reproducible [-- --against dist]`: builds the site once more,
 * cold (fresh cache) into a temporary directory, and compares every file with
 * the build in `--against` byte for byte. Two builds of one commit must be
 * identical so deploys and caches can trust them. Exits 1 listing each file
 * that differs, with where it differs. Part of `npm test`, after the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scratchDir } from './lib/scratch.ts';
import { compareTrees, firstDifference, hashTree, isIdentical } from './lib/tree-hash.ts';

const { values } = parseArgs({ options: { against: { type: 'string', default: 'dist' } } });
const reference = values.against;
if (!existsSync(reference)) {
  console.error(`No build in ${reference}/ to compare with. Run \`npm run build\` first.`);
  process.exit(1);
}

const root = scratchDir('reproducible');
try {
  const outDir = join(root, 'dist');
  const started = performance.now();
  const build = spawnSync(
    process.execPath,
    ['scripts/bench/build-site.ts', '--out', outDir, '--cache', join(root, 'cache')],
    { encoding: 'utf8' },
  );
  if (build.status !== 0) {
    console.error(`The second build failed:\n${build.stdout}\n${build.stderr}`);
    process.exit(1);
  }
  const first = hashTree(reference);
  const difference = compareTrees(first, hashTree(outDir));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (isIdentical(difference)) {
    console.log(`Reproducible: a second, cold build (${seconds} s) matches ${reference}/ in all ${first.size} files.`);
  } else {
    console.error(`Not reproducible: a second build differs from ${reference}/.`);
    for (const path of difference.changed) {
      const text = (dir: string) => readFileSync(join(dir, path), 'latin1');
      console.error(`  changed: ${path}\n    ${firstDifference(text(reference), text(outDir))}`);
    }
    for (const path of difference.onlyInFirst) console.error(`  only in ${reference}/: ${path}`);
    for (const path of difference.onlyInSecond) console.error(`  only in the second build: ${path}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
