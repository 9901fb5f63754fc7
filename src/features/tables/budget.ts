import type { AssetBudget } from '../../core/budget';

/** The comparison tables' island: loaded only by pages with a table (ComparisonTables.astro). */
export const budgets: readonly AssetBudget[] = [
  {
    name: 'table enhancer script (with the page)',
    kB: 3,
    // The selector enhance.ts looks tables up by survives minification.
    find: { scriptContaining: '[data-comparison-table]' },
    onlyOnPagesWith: 'dataComparisonTable',
  },
  {
    name: 'table stylesheet (with the page)',
    kB: 1.5,
    find: { files: [/^_astro\/comparison-table\.[\w-]+\.css$/] },
    onlyOnPagesWith: 'dataComparisonTable',
  },
];
