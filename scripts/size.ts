/**
 * `npm run size [-- --dist <dir>]`: what each built page fetches before any
 * interaction, gzipped, against the budget of its page type. Prints one row
 * per page type (its heaviest page) and exits 1 naming every page, asset, size
 * and budget that fails. Part of `npm test`, right after the build.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analysePage, weigh } from './lib/page-load.ts';
import { classifyPage, summaryTable, verdicts, type PageReport } from './lib/budgets.ts';
import { builtPages, fileReader, pageFile } from '../src/core/built-site.ts';
import { site } from '../src/site.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = values.dist;
const base = site.base.endsWith('/') ? site.base : `${site.base}/`;
const read = fileReader(dist, base);

const pages = builtPages(dist);
if (pages.length === 0) {
  console.error(`No HTML pages in ${dist}/. Run \`npm run build\` first.`);
  process.exit(1);
}

// Stylesheets and scripts are shared by most pages: gzip each file once.
const cache = new Map<string, Uint8Array | undefined>();
const cachedRead = (path: string) => {
  if (!cache.has(path)) cache.set(path, read(path));
  return cache.get(path);
};

const reports: PageReport[] = [];
for (const page of pages) {
  const html = readFileSync(pageFile(dist, page), 'utf8');
  const load = await analysePage(base + page.slice(1), html, cachedRead);
  reports.push({ page, type: classifyPage(page, load.tree), ...load, weight: weigh(load) });
}

console.log(`Bytes fetched before interaction (gzip -9), ${pages.length} pages in ${dist}/:\n`);
console.log(summaryTable(reports));
console.log(
  '\nHTML includes inline scripts and styles; JS counts external scripts with their static imports plus each inline script gzipped alone.',
);

const failures = reports.flatMap(verdicts);
if (failures.length > 0) {
  console.error(`\n${failures.length} budget failure(s):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log('\nEvery page is within its budget.');
