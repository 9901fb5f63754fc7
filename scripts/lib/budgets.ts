/**
 * Byte budgets per page type and the rule that sorts a built page into a type.
 * Pure, so the classification and the verdicts are unit-tested on strings.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Asset, Weight } from './page-load.ts';

export type PageType = 'home' | 'article' | 'rich article' | 'sources' | 'other';

export interface Budget {
  /** Gzipped bytes fetched before any interaction: HTML + CSS + JS. */
  total: number;
  /** Gzipped JavaScript among them, inline scripts included. */
  js: number;
}

const kB = 1000;

/**
 * From the issues' quality bar: an article ≤ 20 kB with ≤ 2 kB of script (the
 * theme toggle; search loads on use); a page with tables and snippets ≤ 30 kB
 * with ≤ 6 kB of script. The home, sources and other pages (404) are reading
 * pages without islands of their own, so they get the article's budget.
 */
export const BUDGETS: Record<PageType, Budget> = {
  home: { total: 20 * kB, js: 2 * kB },
  article: { total: 20 * kB, js: 2 * kB },
  'rich article': { total: 30 * kB, js: 6 * kB },
  sources: { total: 20 * kB, js: 2 * kB },
  other: { total: 20 * kB, js: 2 * kB },
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
  problems: string[];
}

const formatKb = (bytes: number) => `${(bytes / kB).toFixed(1)} kB`;

function largest(assets: Asset[]): string {
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
  const header = ['page type', 'pages', 'heaviest page', 'HTML', 'CSS', 'JS', 'total', 'budget (total / JS)'];
  const rows = PAGE_TYPES.flatMap((type) => {
    const ofType = reports.filter((report) => report.type === type);
    const heaviest = ofType.reduce<PageReport | undefined>(
      (max, report) => (!max || report.weight.total > max.weight.total ? report : max),
      undefined,
    );
    const budget = BUDGETS[type];
    const budgetText = `${formatKb(budget.total)} / ${formatKb(budget.js)}`;
    if (!heaviest) return [[type, '0', '(none in this build)', '', '', '', '', budgetText]];
    const { html, css, js, total } = heaviest.weight;
    return [
      [
        type,
        String(ofType.length),
        heaviest.page,
        formatKb(html),
        formatKb(css),
        formatKb(js),
        formatKb(total),
        budgetText,
      ],
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
