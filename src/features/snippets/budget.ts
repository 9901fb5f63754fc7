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
    // Holds the sandbox frame's host, its output caps and the Python runtime's hooks; since issue 22 also the timeline
    // recorder and error positions (worker), the timeline's host check, the pinned cut notice and scroll-follow
    // (controller), and the bundler's shared runtime chunk (bench/RESULTS.md says what each added). Loaded on intent
    // (pointer over, focus) or Run only.
    name: 'snippet runner: controller + sandbox worker (on intent or first Run)',
    kB: 10,
    find: { files: [/^_astro\/controller\.[\w-]+\.js$/, /^_astro\/browser-worker-[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // The language modes (TypeScript, Python) load as their own chunks with the one a snippet needs; the lint
    // extension that shows type errors is in (the checker itself is the next entry).
    name: 'snippet editor: CodeMirror (on Edit)',
    kB: 152,
    find: { files: [/^_astro\/editor\.[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // TypeScript's own checker and the ES2023 + worker lib files it checks against, in a worker of their own: loaded
    // only when a reader edits a TypeScript snippet (bench/RESULTS.md has its size and load time).
    name: 'snippet type checker: TypeScript + libs (on Edit of TypeScript)',
    kB: 1150,
    find: { files: [/^_astro\/typecheck-worker-[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // The picture, its table, its stylesheet and a sentence per runtime on what is measured: after a run that
    // recorded a timeline.
    name: 'snippet timeline view + CSS (after a run)',
    kB: 4.5,
    find: { files: [/^_astro\/view\.[\w-]+\.js$/, /^_astro\/timeline\.[\w-]+\.css$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
  {
    // With acorn (34 kB), which parses the transpiled code to add the timeline's calls (runner/instrument.ts).
    name: 'snippet transpiler: sucrase + acorn (on Edit)',
    kB: 83,
    find: { files: [/^_astro\/transpile\.[\w-]+\.js$/] },
    onlyOnPagesWith: 'dataSnippetJs',
  },
];
