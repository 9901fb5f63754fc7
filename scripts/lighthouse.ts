/**
 * `npm run lighthouse [-- --path /some/note/]`: Lighthouse with Debian's
 * Chromium against the built site (`dist/`, served by `astro preview`), on an
 * article page, desktop and mobile. Prints the four category scores and
 * FCP / LCP / TBT / CLS. Not part of `npm test`: its timings depend on the
 * machine; the byte budgets (`npm run size`) are the enforced gate.
 * Without --path it audits the heaviest article, the page most likely to miss.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { classifyPage } from './lib/budgets.ts';
import { builtPages, fileReader, pageFile } from '../src/core/built-site.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from './lib/chromium.ts';
import { analysePage, weigh } from './lib/page-load.ts';
import { site } from '../src/site.ts';

const { values } = parseArgs({ options: { path: { type: 'string' }, dist: { type: 'string', default: 'dist' } } });
const dist = values.dist;
const base = site.base.endsWith('/') ? site.base : `${site.base}/`;

async function heaviestArticle(): Promise<string> {
  const read = fileReader(dist, base);
  let heaviest: { page: string; total: number } | undefined;
  for (const page of builtPages(dist)) {
    const load = await analysePage(base + page.slice(1), readFileSync(pageFile(dist, page), 'utf8'), read);
    const type = classifyPage(page, load.tree);
    if (type !== 'article' && type !== 'rich article') continue;
    const { total } = weigh(load);
    if (!heaviest || total > heaviest.total) heaviest = { page, total };
  }
  if (!heaviest) throw new Error(`No article page in ${dist}/. Run \`npm run build\` first.`);
  return heaviest.page;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;

const page = values.path ?? (await heaviestArticle());
const server = await startPreview({ outDir: dist, base });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumExecutable(),
  chromeFlags: CHROMIUM_FLAGS,
  logLevel: 'error',
});

const rows: string[][] = [];
const below100: string[] = [];
try {
  const url = `${server.origin}${base}${page.slice(1)}`;
  const runs: [string, Config | undefined][] = [
    ['desktop', desktopConfig],
    ['mobile', undefined],
  ];
  for (const [formFactor, config] of runs) {
    const run = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] },
      config,
    );
    if (!run) throw new Error(`Lighthouse returned no result for ${url}`);
    const result: Result = run.lhr;
    if (result.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.runtimeError.message}`);
    const scores = CATEGORIES.map((id) => Math.round((result.categories[id]?.score ?? 0) * 100));
    CATEGORIES.forEach((id, at) => {
      if (scores[at]! < 100) {
        const failing = Object.values(result.audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
          .filter((audit) => result.categories[id]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
          .map((audit) => audit.title);
        below100.push(`${formFactor} ${id} ${scores[at]}: ${failing.join('; ') || 'see the full report'}`);
      }
    });
    const metrics = Object.values(METRICS).map((id) => result.audits[id]?.displayValue ?? '?');
    rows.push([formFactor, ...scores.map(String), ...metrics]);
  }
} finally {
  chrome.kill();
  await server.stop();
}

const header = ['', ...CATEGORIES, ...Object.keys(METRICS)];
console.log(`Lighthouse ${page} (${dist}/, served locally)\n`);
for (const cells of [header, header.map(() => '---'), ...rows]) console.log(`| ${cells.join(' | ')} |`);
if (below100.length > 0) {
  console.log('\nBelow 100:');
  for (const line of below100) console.log(`  - ${line}`);
}
