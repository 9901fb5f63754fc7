/**
 * Prints the gzipped size of each part of the runnable-snippet island in the
 * built site (`dist/`), in the order a reader downloads them:
 *   page script → runner: controller, worker, sandbox frame (on intent: pointer over or focus in a snippet)
 *   → editor + transpiler (on Edit).
 * Usage: npm run build && npm run size:snippets
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ASSETS = 'dist/_astro';
const RUNNER_BUDGET = 5 * 1024;

const parts = [
  { name: 'page script (every note page)', pattern: /^Snippets\.astro_astro_type_script.*\.js$/ },
  { name: 'runner: controller chunk', pattern: /^controller\.[\w-]+\.js$/ },
  { name: 'runner: sandbox worker', pattern: /^browser-worker-[\w-]+\.js$/ },
  { name: 'runner: sandbox frame (HTML)', pattern: /^snippet-sandbox\.[\w-]+\.html$/ },
  { name: 'editor chunk (CodeMirror)', pattern: /^editor\.[\w-]+\.js$/ },
  { name: 'transpiler chunk (sucrase)', pattern: /^transpile\.[\w-]+\.js$/ },
] as const;

let files: string[];
try {
  files = readdirSync(ASSETS);
} catch {
  console.error(`No ${ASSETS}/ found: run \`npm run build\` first.`);
  process.exit(1);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const sizes = parts.map(({ name, pattern }) => {
  const file = files.find((candidate) => pattern.test(candidate));
  if (!file) {
    console.error(`${ASSETS}/ has no file matching ${pattern}: was the chunk renamed? See src/features/snippets/.`);
    process.exit(1);
  }
  const bytes = readFileSync(join(ASSETS, file));
  return { name, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});

console.log('Runnable snippets, gzip -9:');
for (const { name, file, raw, gzip } of sizes) {
  console.log(`  ${name.padEnd(32)} ${kB(gzip).padStart(9)}  (${kB(raw)} raw, ${file})`);
}
const runner = sizes[1]!.gzip + sizes[2]!.gzip + sizes[3]!.gzip;
const verdict = runner <= RUNNER_BUDGET ? 'within' : 'OVER';
console.log(
  `  runner total (controller + worker + frame) ${kB(runner).padStart(7)}  ${verdict} the ${kB(RUNNER_BUDGET)} budget`,
);
