/**
 * Bytes each built page fetches before interaction (gzip -9; same rules as `npm run size`),
 * for comparing two builds, e.g. the site before and after a change to runnable snippets:
 *   node scripts/bench/python-page-bytes.ts dist /tmp/other-dist
 * Prints one row per page: HTML, CSS, JS and total for each build, and whether the page has Python snippets.
 */
import { readFileSync } from 'node:fs';
import { analysePage, weigh, type Weight } from '../lib/page-load.ts';
import { builtPages, fileReader, pageFile } from '../../src/core/built-site.ts';
import { site } from '../../src/site.ts';

const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error('Usage: node scripts/bench/python-page-bytes.ts <dist> [<other dist> …]');
const base = site.base.endsWith('/') ? site.base : `${site.base}/`;

async function weights(dist: string): Promise<Map<string, { weight: Weight; python: boolean }>> {
  const read = fileReader(dist, base);
  const result = new Map<string, { weight: Weight; python: boolean }>();
  for (const page of builtPages(dist)) {
    const html = readFileSync(pageFile(dist, page), 'utf8');
    const load = await analysePage(base + page.slice(1), html, read);
    result.set(page, { weight: weigh(load), python: html.includes('data-snippet-lang="python"') });
  }
  return result;
}

const all = await Promise.all(dists.map(weights));
const format = (weight: Weight | undefined) =>
  weight ? `${weight.html} / ${weight.css} / ${weight.js} / ${weight.total}` : '—';
console.log(
  `page · Python snippets · ${dists.map((dist) => `${dist}: html / css / js / total (bytes gz)`).join(' · ')}`,
);
for (const page of all[0]!.keys()) {
  const python = all.some((build) => build.get(page)?.python);
  console.log(
    `${page} · ${python ? 'yes' : 'no'} · ${all.map((build) => format(build.get(page)?.weight)).join(' · ')}`,
  );
}
