/**
 * Prints what the comparison-table enhancement costs a reader, measured on the
 * built site (`npm run build` first): every script and stylesheet that pages
 * with a table load and pages without one do not, raw and gzipped (level 9).
 * Fails when the script exceeds the 3 kB gzip budget or leaks onto a page
 * without a table.
 *
 *   npm run size:tables
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../src/core/built-site.ts';

const DIST = 'dist';
const BUDGET_GZIP_BYTES = 3 * 1024;

interface Asset {
  kind: 'script' | 'stylesheet';
  name: string;
  body: string;
}

/** Module scripts (inline or external) and stylesheets a page loads, keyed by content or URL. */
function assetsOf(html: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!attributes.includes('type="module"')) continue;
    const src = /src="([^"]+)"/.exec(attributes)?.[1];
    if (src) assets.set(src, { kind: 'script', name: src, body: readFileSync(join(DIST, src), 'utf8') });
    else assets.set(body, { kind: 'script', name: 'inline module script', body });
  }
  for (const [, href = ''] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    assets.set(href, { kind: 'stylesheet', name: href, body: readFileSync(join(DIST, href), 'utf8') });
  }
  return assets;
}

if (!existsSync(DIST)) {
  console.error('No dist/ folder: run `npm run build` first.');
  process.exit(1);
}

const pages = htmlFiles(DIST).map((file) => ({ path: join(DIST, file), html: readFileSync(join(DIST, file), 'utf8') }));
const withTable = pages.filter((page) => page.html.includes('data-comparison-table'));
const withoutTable = pages.filter((page) => !page.html.includes('data-comparison-table'));
if (withTable.length === 0) {
  console.error('No built page has a comparison table; nothing to measure.');
  process.exit(1);
}

const elsewhere = new Set(withoutTable.flatMap((page) => [...assetsOf(page.html).keys()]));
const tableOnly = new Map<string, Asset>();
for (const page of withTable) {
  for (const [key, asset] of assetsOf(page.html)) if (!elsewhere.has(key)) tableOnly.set(key, asset);
}

let scriptGzip = 0;
console.log(`Comparison tables: ${withTable.length} page(s) with a table, ${withoutTable.length} without.`);
for (const asset of tableOnly.values()) {
  const raw = Buffer.byteLength(asset.body);
  const gzip = gzipSync(asset.body, { level: 9 }).length;
  if (asset.kind === 'script') scriptGzip += gzip;
  console.log(
    `  ${asset.kind.padEnd(10)} ${String(raw).padStart(6)} B raw ${String(gzip).padStart(6)} B gzip  ${asset.name}`,
  );
}
console.log(`Enhancement script: ${scriptGzip} B gzip (budget ${BUDGET_GZIP_BYTES} B).`);

const leaks = withoutTable.filter(
  (page) => page.html.includes('Intl.Collator') || page.html.includes('comparison-table'),
);
if (leaks.length > 0) {
  console.error(`The table enhancement loads on pages without a table: ${leaks.map((page) => page.path).join(', ')}`);
  process.exit(1);
}
if (scriptGzip === 0) {
  console.error('Found no table-only script: has the enhancer moved? Update scripts/table-size.ts.');
  process.exit(1);
}
if (scriptGzip > BUDGET_GZIP_BYTES) {
  console.error(`Over budget by ${scriptGzip - BUDGET_GZIP_BYTES} B.`);
  process.exit(1);
}
