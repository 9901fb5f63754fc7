import type { AssetBudget } from '../../core/budget';

/**
 * Search: a small loader on every page; Pagefind's Modular UI, our dialog with
 * its styles and result template, and Pagefind's search engine only when the
 * reader opens search. Together they are what opening search downloads (the
 * index chunk and fragments come with the first query).
 */
export const budgets: readonly AssetBudget[] = [
  {
    name: 'search loader (with every page)',
    kB: 1.5,
    // The file search.ts loads on first open; the loader is the only script that names it.
    find: { scriptContaining: 'pagefind-modular-ui.js' },
  },
  {
    name: "search UI: Pagefind's Modular UI, our dialog and its styles (on first open)",
    kB: 8,
    find: { files: [/^pagefind\/pagefind-modular-ui\.js$/, /^_astro\/search-dialog[.-][\w-]+\.(?:js|css)$/] },
  },
  {
    // Pagefind runs on the page's thread (search-dialog.ts sets noWorker), so pagefind-worker.js is never fetched.
    name: "search engine: Pagefind's script and its English WebAssembly (on first open)",
    kB: 74,
    find: { files: [/^pagefind\/pagefind\.js$/, /^pagefind\/wasm\.en\.pagefind$/] },
  },
  {
    // Issue 23: below a note of Starlight's plus what its search fetches on first open.
    name: 'a note plus opening search: the heaviest note, the UI and engine above, the index entry, meta and filters',
    kB: 130,
    withHeaviestNote: true,
    find: {
      files: [
        /^pagefind\/pagefind-modular-ui\.js$/,
        /^_astro\/search-dialog[.-][\w-]+\.js$/,
        /^pagefind\/pagefind\.js$/,
        /^pagefind\/wasm\.en\.pagefind$/,
        // The engine reads these on load; a site without comparison tables has no filter chunk.
        /^pagefind\/(?:pagefind-entry\.json|pagefind\.en_\w+\.pf_meta|filter\/en_\w+\.pf_filter)$/,
      ],
    },
  },
];
