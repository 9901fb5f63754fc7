import type { AssetBudget } from '../../core/budget';

/** The runnable snippets, in the order a reader downloads them: page script → runner → editor and transpiler. */
export const budgets: readonly AssetBudget[] = [
  {
    name: 'snippet page script (with the page)',
    kB: 1.5,
    find: { files: [/^_astro\/Snippets\.astro_astro_type_script[\w.-]*\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // Holds the sandbox frame's host, its output caps and the Python runtime's hooks (bench/RESULTS.md says what they
    // added). Loaded on intent (pointer over, focus) or Run only.
    name: 'snippet runner: controller + sandbox worker (on intent or first Run)',
    kB: 7.5,
    find: { files: [/^_astro\/controller\.[\w-]+\.js$/, /^_astro\/browser-worker-[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // The language modes (TypeScript, Python) load as their own chunks with the one a snippet needs.
    name: 'snippet editor: CodeMirror (on Edit)',
    kB: 145,
    find: { files: [/^_astro\/editor\.[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    name: 'snippet transpiler: sucrase (on Edit)',
    kB: 50,
    find: { files: [/^_astro\/transpile\.[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
];
