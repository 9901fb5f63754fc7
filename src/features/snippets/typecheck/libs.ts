/**
 * The lib files a snippet is checked against (./checker.ts `compilerOptions.lib` and every lib they reference),
 * bundled from the installed typescript/lib: the checker fetches nothing.
 */
const files = import.meta.glob<string>(
  [
    '/node_modules/typescript/lib/lib.{es5,decorators,decorators.legacy,webworker}.d.ts',
    '/node_modules/typescript/lib/lib.es20{15,16,17,18,19,20,21,22,23}*.d.ts',
    '!/node_modules/typescript/lib/lib.*.full.d.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

export const libFiles: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);
