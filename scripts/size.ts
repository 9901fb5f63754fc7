/**
 * `npm run size [-- --dist <dir>]`: every byte budget of the build, in one
 * unit (kB of gzip -9): what each built page fetches before any interaction
 * against the budget of its page type, and the images and media it shows
 * against the page's media budget, then each feature's islands and lazily
 * loaded chunks against the budget the feature declares
 * (`src/features/<feature>/budget.ts`). Exits 1 naming every page or asset,
 * its size and its budget that fails. Part of `npm run check`, after the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { analysePage, gzipSize, weigh } from './lib/page-load.ts';
import {
  classifyPage,
  featureTable,
  measureFeatures,
  mediaOf,
  propertiesOf,
  summaryTable,
  verdicts,
  type LoadedPage,
  type PageReport,
} from './lib/budgets.ts';
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

// Stylesheets and scripts are shared by most pages: read and gzip each file once.
const cache = new Map<string, Uint8Array | undefined>();
const cachedRead = (path: string) => {
  if (!cache.has(path)) cache.set(path, read(path));
  return cache.get(path);
};
const weighed = new Map<string, { gzip: number; text: string } | undefined>();
const readWeighed = (file: string) => {
  if (!weighed.has(file)) {
    const data = cachedRead(base + file);
    weighed.set(file, data && { gzip: gzipSize(data), text: Buffer.from(data).toString('utf8') });
  }
  return weighed.get(file);
};

/** A file's gzipped size by the path a page requests it at; images and media are weighed like every other byte. */
const gzipped = new Map<string, number | undefined>();
const weighFile = (path: string) => {
  if (!gzipped.has(path)) {
    const data = cachedRead(path);
    gzipped.set(path, data && gzipSize(data));
  }
  return gzipped.get(path);
};

const reports: (PageReport & LoadedPage)[] = [];
for (const page of pages) {
  const html = readFileSync(pageFile(dist, page), 'utf8');
  const load = await analysePage(base + page.slice(1), html, cachedRead);
  reports.push({
    page,
    type: classifyPage(page, load.tree),
    ...load,
    media: mediaOf(base + page.slice(1), load.tree, weighFile),
    weight: weigh(load),
    properties: propertiesOf(load.tree),
  });
}

const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => !file.endsWith('.html') && statSync(join(dist, file)).isFile())
  .map((file) => file.split(sep).join('/'))
  .sort();
const features = measureFeatures({ pages: reports, files, read: readWeighed, base });

console.log(`Byte budgets in kB of gzip -9 (1 kB = 1000 bytes), ${pages.length} pages in ${dist}/.\n`);
console.log('Pages: what each fetches before interaction (heaviest page of each type)\n');
console.log(summaryTable(reports));
console.log(
  '\nHTML includes inline scripts and styles; JS counts external scripts with their static imports plus each inline script gzipped alone.',
);
console.log('\nIslands and chunks: what each feature ships (src/features/<feature>/budget.ts)\n');
console.log(featureTable(features));

const failures = [...reports.flatMap(verdicts), ...features.flatMap((feature) => feature.failures)];
if (failures.length > 0) {
  console.error(`\n${failures.length} budget failure(s):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log('\nEvery page, island and chunk is within its budget.');
