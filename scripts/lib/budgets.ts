/**
 * Every byte budget `npm run size` holds the build to, in one unit (kB of
 * gzip -9, 1 kB = 1000 bytes): per page type (what a page fetches before any
 * interaction, declared here) and per feature (its islands and lazily loaded
 * chunks, declared in `src/features/<feature>/budget.ts` and collected here).
 * Pure, so the classification, the measuring and the verdicts are unit-tested
 * on strings.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { PAGE_MEDIA_KB, type AssetBudget } from '../../src/core/budget.ts';
import { budgets as search } from '../../src/features/search/budget.ts';
import { budgets as snippets } from '../../src/features/snippets/budget.ts';
import { budgets as tables } from '../../src/features/tables/budget.ts';
import { staticImports, type Asset, type Weight } from './page-load.ts';

export type PageType = 'home' | 'article' | 'rich article' | 'sources' | 'other';

export interface Budget {
  /** Gzipped bytes fetched before any interaction: HTML + CSS + JS. */
  total: number;
  /** Gzipped JavaScript among them, inline scripts included. */
  js: number;
  /** Gzipped images and media the page shows, each file once: a note's pictures (src/core/budget.ts). */
  media: number;
}

const kB = 1000;

/**
 * From the issues' quality bar: an article ≤ 20 kB with ≤ 2 kB of script (the
 * theme toggle; search loads on use); a page with tables and snippets ≤ 30 kB
 * with ≤ 6 kB of script. The home, sources and other pages (404) are reading
 * pages without islands of their own, so they get the article's budget.
 */
const media = PAGE_MEDIA_KB * kB;
export const BUDGETS: Record<PageType, Budget> = {
  home: { total: 20 * kB, js: 2 * kB, media },
  article: { total: 20 * kB, js: 2 * kB, media },
  'rich article': { total: 30 * kB, js: 6 * kB, media },
  sources: { total: 20 * kB, js: 2 * kB, media },
  other: { total: 20 * kB, js: 2 * kB, media },
};

export const PAGE_TYPES = Object.keys(BUDGETS) as PageType[];

/**
 * Markup that makes an article "rich": the attributes the comparison tables
 * (`data-comparison-table`, src/features/tables/remark-comparison-tables.ts) and the
 * runnable snippets (`data-snippet-js`, src/features/snippets/remark-runnable-snippets.ts)
 * put on their elements. Matched as prefixes of hast property names
 * (`data-snippet-js` → `dataSnippetJs`), so a new attribute of the same family
 * is picked up without touching this list.
 */
export const RICH_MARKERS = ['dataComparison', 'dataSnippet'];

function hasRichMarkup(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    if (found) return false;
    found = Object.keys(node.properties).some((name) => RICH_MARKERS.some((marker) => name.startsWith(marker)));
    return undefined;
  });
  return found;
}

function hasArticleBody(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    if (found) return false;
    found = node.tagName === 'article' && node.properties['dataPagefindBody'] !== undefined;
    return undefined;
  });
  return found;
}

/** `pagePath` is relative to the site's base, with a trailing slash: `/`, `/sources/`, `/intro/c10k/`. */
export function classifyPage(pagePath: string, tree: Root): PageType {
  if (pagePath === '/') return 'home';
  if (pagePath === '/sources/') return 'sources';
  if (!hasArticleBody(tree)) return 'other';
  return hasRichMarkup(tree) ? 'rich article' : 'article';
}

export interface PageReport {
  page: string;
  type: PageType;
  weight: Weight;
  assets: Asset[];
  inlineJs: Asset[];
  /** The images and media the page shows (mediaOf). */
  media: MediaFile[];
  problems: string[];
}

/** A file of the site a page shows as an image or media: its address as the page requests it, and its gzipped size. */
export interface MediaFile {
  path: string;
  gzip: number;
}

/** The properties (hast names) through which an element makes the browser download an image or media file. */
const MEDIA_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
};

/**
 * The site's files page `pagePath` (with the base, as requested) shows as images or media, `weigh`ed (gzip, by site
 * path; undefined for a file the build lacks, which the link check reports). Each address counts once, as the
 * browser downloads it once, but each different query is another download; of an element's `src` and `srcset`
 * candidates the heaviest counts, the one a large screen picks. Other origins are page-load.ts's to refuse.
 */
export function mediaOf(pagePath: string, tree: Root, weigh: (sitePath: string) => number | undefined): MediaFile[] {
  const page = new URL(pagePath, 'http://site.invalid');
  const shown = new Map<string, number>();
  visit(tree, 'element', (node) => {
    const candidates = (MEDIA_ATTRIBUTES[node.tagName] ?? []).flatMap((property) => {
      const value = node.properties[property];
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
      return property === 'srcSet'
        ? text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
        : [text];
    });
    let heaviest: { key: string; gzip: number } | undefined;
    for (const candidate of candidates) {
      if (candidate === '' || /^data:/i.test(candidate.trim())) continue;
      let url: URL;
      try {
        url = new URL(candidate, page);
      } catch {
        continue;
      }
      if (url.origin !== page.origin) continue;
      const gzip = weigh(safeDecode(url.pathname));
      if (gzip !== undefined && gzip > (heaviest?.gzip ?? -1)) heaviest = { key: url.pathname + url.search, gzip };
    }
    if (heaviest) shown.set(heaviest.key, heaviest.gzip);
  });
  return [...shown].map(([path, gzip]) => ({ path, gzip }));
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const formatKb = (bytes: number, digits = 1) => `${(bytes / kB).toFixed(digits)} kB`;

function largest(assets: readonly Pick<Asset, 'path' | 'gzip'>[]): string {
  return [...assets]
    .sort((a, b) => b.gzip - a.gzip)
    .map((asset) => `${asset.path} ${formatKb(asset.gzip)}`)
    .join(', ');
}

/** Every way a page breaks its budget or the loading rules, as sentences naming the page, asset, size and budget. */
export function verdicts(report: PageReport): string[] {
  const budget = BUDGETS[report.type];
  const failures = report.problems.map((problem) => `${report.page} (${report.type}): ${problem}`);
  if (report.weight.total > budget.total)
    failures.push(
      `${report.page} (${report.type}) fetches ${formatKb(report.weight.total)} gz before interaction, over its ${formatKb(budget.total)} budget: ${largest(report.assets)}.`,
    );
  const shown = report.media.reduce((sum, file) => sum + file.gzip, 0);
  if (shown > budget.media)
    failures.push(
      `${report.page} (${report.type}) shows ${formatKb(shown)} gz of images and media, over its ${formatKb(budget.media)} budget (src/core/budget.ts): ${largest(report.media)}.`,
    );
  if (report.weight.js > budget.js) {
    const scripts = [...report.assets.filter((asset) => asset.kind === 'js'), ...report.inlineJs];
    failures.push(
      `${report.page} (${report.type}) runs ${formatKb(report.weight.js)} gz of JavaScript before interaction, over its ${formatKb(budget.js)} budget: ${largest(scripts)}.`,
    );
  }
  return failures;
}

/** One row per page type: its heaviest page, so the table shows the margin that matters. */
export function summaryTable(reports: PageReport[]): string {
  const header = [
    'page type',
    'pages',
    'heaviest page',
    'HTML',
    'CSS',
    'JS',
    'total',
    'budget (total / JS)',
    'most media',
    'media budget',
  ];
  const rows = PAGE_TYPES.flatMap((type) => {
    const ofType = reports.filter((report) => report.type === type);
    const top = heaviestPage(ofType);
    const budget = BUDGETS[type];
    const budgetText = `${formatKb(budget.total)} / ${formatKb(budget.js)}`;
    const mediaBudget = formatKb(budget.media);
    if (!top) return [[type, '0', '(none in this build)', '', '', '', '', budgetText, '', mediaBudget]];
    const { html, css, js, total } = top.weight;
    const mostMedia = Math.max(...ofType.map((report) => report.media.reduce((sum, file) => sum + file.gzip, 0)));
    return [
      [
        type,
        String(ofType.length),
        top.page,
        formatKb(html),
        formatKb(css),
        formatKb(js),
        formatKb(total),
        budgetText,
        formatKb(mostMedia),
        mediaBudget,
      ],
    ];
  });
  return table(header, rows);
}

/** Each feature's budgets, by feature folder name: every feature folder with a `budget.ts` (a unit test keeps this list whole). */
export const FEATURE_BUDGETS: Readonly<Record<string, readonly AssetBudget[]>> = { search, snippets, tables };

/** Every hast property name on an element of the page (`dataComparisonTable`), for `onlyOnPagesWith`. */
export function propertiesOf(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'element', (node) => {
    for (const name of Object.keys(node.properties)) names.add(name);
  });
  return names;
}

/** A built page as the feature budgets need it; its type and weight for a budget weighed with the heaviest note. */
export interface LoadedPage
  extends Pick<PageReport, 'page' | 'assets' | 'inlineJs'>, Partial<Pick<PageReport, 'type' | 'weight'>> {
  properties: ReadonlySet<string>;
}

/** Of `pages`, the one that fetches the most before interaction. */
function heaviestPage<T extends { weight?: { total: number } }>(pages: readonly T[]): T | undefined {
  return pages.reduce<T | undefined>(
    (max, page) => ((page.weight?.total ?? 0) > (max?.weight?.total ?? -1) ? page : max),
    undefined,
  );
}

/** The note (article page) that fetches the most before interaction. */
const heaviestNote = (pages: readonly LoadedPage[]) =>
  heaviestPage(pages.filter((page) => page.type === 'article' || page.type === 'rich article'));

/** The build as the feature budgets read it: its pages, its other files, and their contents. */
export interface Build {
  pages: LoadedPage[];
  /** Every file that is not a page, by its path under the site's root: `_astro/controller.x1.js`. */
  files: string[];
  /** A file's gzipped size and text, by the same path. */
  read: (file: string) => { gzip: number; text: string } | undefined;
  /** The site's base path (`/`, `/x/`): page asset paths start with it. */
  base: string;
}

export interface FeatureReport {
  feature: string;
  budget: AssetBudget;
  /** What it is made of: file paths, or `inline script on <page>`. */
  parts: { name: string; gzip: number }[];
  gzip: number;
  /** Failures: over budget, not found, loaded where it does not belong. */
  failures: string[];
}

/** Finds, weighs and judges every feature budget in `budgets` against the build. */
export function measureFeatures(
  build: Build,
  budgets: Readonly<Record<string, readonly AssetBudget[]>> = FEATURE_BUDGETS,
): FeatureReport[] {
  // A file some budget names itself is weighed in that budget's row, never again as another chunk's import.
  const owned = new Set(
    Object.values(budgets)
      .flat()
      .flatMap((budget) => ('files' in budget.find ? budget.find.files : []))
      .flatMap((pattern) => build.files.filter((file) => pattern.test(file))),
  );
  return Object.entries(budgets).flatMap(([feature, list]) =>
    list.map((budget) => measure(feature, budget, build, owned)),
  );
}

function measure(feature: string, budget: AssetBudget, build: Build, owned: ReadonlySet<string>): FeatureReport {
  const where = `src/features/${feature}/budget.ts`;
  const marker = budget.onlyOnPagesWith;
  // A build none of whose pages uses the feature (a fixture site without snippets) has none of its files.
  const used = !marker || build.pages.some((page) => page.properties.has(marker));
  const failures: string[] = [];
  const missing = (problem: string) => {
    if (used) failures.push(`${feature}: ${budget.name}: ${problem} Update ${where}.`);
  };
  const parts = new Map<string, number>();
  /** Which parts of `budget` a page loads. */
  let loadedBy: (page: LoadedPage) => string[];

  /**
   * A chunk weighs what loading it fetches: itself and the chunks it imports statically (e.g. CodeMirror's), except
   * those the page has loaded already (counted in the page's own budget) and those another row weighs.
   */
  const onPages = new Set(
    build.pages.flatMap((page) => page.assets.map((asset) => asset.path.slice(build.base.length))),
  );
  const addWithImports = (file: string, imported = false): void => {
    const data = build.read(file);
    if (parts.has(file) || !data || (imported && (onPages.has(file) || owned.has(file)))) return;
    parts.set(file, data.gzip);
    if (!file.endsWith('.js')) return;
    for (const path of staticImports(data.text, `/${file}`)) addWithImports(path.slice(build.base.length), true);
  };

  if ('files' in budget.find) {
    for (const pattern of budget.find.files) {
      const matched = build.files.filter((file) => pattern.test(file));
      if (matched.length === 0) missing(`no built file matches ${String(pattern)}: was it renamed?`);
      for (const file of matched) addWithImports(file);
    }
    loadedBy = (page) =>
      page.assets.map((asset) => asset.path.slice(build.base.length)).filter((file) => parts.has(file));
  } else {
    const needle = budget.find.scriptContaining;
    const scriptsOf = (page: LoadedPage) => [
      ...page.inlineJs
        .filter((script) => script.text?.includes(needle))
        // Astro inlines the same island into every page that has it: one part, whatever the page.
        .map((script) => ({ name: 'inline script', gzip: script.gzip })),
      ...page.assets
        .filter(
          (asset) => asset.kind === 'js' && build.read(asset.path.slice(build.base.length))?.text.includes(needle),
        )
        .map((asset) => ({ name: asset.path.slice(build.base.length), gzip: asset.gzip })),
    ];
    for (const page of build.pages) for (const script of scriptsOf(page)) parts.set(script.name, script.gzip);
    if (parts.size === 0) missing(`no page loads a script containing "${needle}": has the island changed?`);
    loadedBy = (page) => scriptsOf(page).map((script) => script.name);
  }

  const note = budget.withHeaviestNote ? heaviestNote(build.pages) : undefined;
  if (note) parts.set(`${note.page} (the heaviest note, before interaction)`, note.weight?.total ?? 0);
  const gzip = [...parts.values()].reduce((sum, size) => sum + size, 0);
  const limit = budget.kB * kB;
  const list = [...parts].map(([name, size]) => ({ name, gzip: size }));
  if (gzip > limit) {
    const detail = [...list].sort((a, b) => b.gzip - a.gzip).map((part) => `${part.name} ${formatKb(part.gzip, 2)}`);
    failures.push(
      `${feature}: ${budget.name} is ${formatKb(gzip, 2)} gz, over its ${formatKb(limit, 2)} budget (${where}): ${detail.join(', ')}.`,
    );
  }
  if (marker) {
    for (const page of build.pages) {
      if (page.properties.has(marker)) continue;
      const loaded = loadedBy(page);
      if (loaded.length > 0)
        failures.push(
          `${page.page} loads ${feature}: ${budget.name} (${loaded.join(', ')}) but has no element with ${marker}; include it only on pages that use it.`,
        );
    }
  }
  return { feature, budget, parts: list, gzip, failures };
}

/** One row per feature budget: what it weighs against what it may. */
export function featureTable(reports: FeatureReport[]): string {
  const header = ['feature', 'island or chunk', 'gz', 'budget', 'made of'];
  const rows = reports.map((report) => [
    report.feature,
    report.budget.name,
    formatKb(report.gzip, 2),
    formatKb(report.budget.kB * kB, 2),
    report.parts.map((part) => part.name).join(', ') || '(no page in this build uses it)',
  ]);
  return table(header, rows);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
