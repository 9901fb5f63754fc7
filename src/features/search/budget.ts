import type { AssetBudget } from '../../core/budget';

/**
 * Search: a small loader on every page; Pagefind's Component UI, its search
 * engine and the result template only when the reader opens search. Together
 * they are what opening search downloads (the index chunk and fragments come
 * with the first query).
 */
export const budgets: readonly AssetBudget[] = [
  {
    name: 'search loader (with every page)',
    kB: 1.5,
    // The file search.ts loads on first open; the loader is the only script that names it.
    find: { scriptContaining: 'pagefind-component-ui.js' },
  },
  {
    name: "search UI: Pagefind's Component UI and our result template (on first open)",
    kB: 49,
    find: { files: [/^pagefind\/pagefind-component-ui\.(?:js|css)$/, /^_astro\/result-template-[\w-]+\.js$/] },
  },
  {
    // Pagefind runs on the page's thread (result-template.ts sets noWorker), so pagefind-worker.js is never fetched.
    name: "search engine: Pagefind's script and its English WebAssembly (on first open)",
    kB: 74,
    find: { files: [/^pagefind\/pagefind\.js$/, /^pagefind\/wasm\.en\.pagefind$/] },
  },
];
