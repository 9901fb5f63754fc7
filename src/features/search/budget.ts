import type { AssetBudget } from '../../core/budget';

/** Search: a small loader on every page; Pagefind's Component UI only when the reader opens search. */
export const budgets: readonly AssetBudget[] = [
  {
    name: 'search loader (with every page)',
    kB: 1.5,
    // The file search.ts loads on first open; the loader is the only script that names it.
    find: { scriptContaining: 'pagefind-component-ui.js' },
  },
  {
    name: "search UI: Pagefind's Component UI (on first open)",
    kB: 50,
    find: { files: [/^pagefind\/pagefind-component-ui\.(?:js|css)$/] },
  },
];
