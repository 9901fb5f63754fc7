/**
 * TypeScript's own checker over one snippet: a language service on one virtual
 * file and the lib files it is handed, so repeated checks while a reader types
 * reuse the parsed libs. The same module runs in the editor's worker
 * (./typecheck-worker.ts) and in Node for the notes' test, with the same libs (./libs.ts).
 */
import ts from 'typescript';
import type { TypeProblem } from './protocol';

/**
 * What `tsc --strict` says of a snippet where it runs: a module of its own (top-level await), ES2023 in a dedicated
 * worker (console, timers, performance, Worker, Blob, URL, postMessage; no DOM). The notes' authoring rules
 * (noUnusedLocals and the like, in ../doctest.ts) are not type errors, so a learner's draft is not held to them.
 */
export const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts'],
  types: [],
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

const SNIPPET = '/snippet.ts';
const LIB_DIR = '/lib/';

export interface Checker {
  check(code: string): TypeProblem[];
}

/** `libs` maps a lib file's name (lib.es5.d.ts) to its text. */
export function createChecker(libs: ReadonlyMap<string, string>): Checker {
  let code = '';
  let version = 0;
  const text = (name: string): string | undefined =>
    name === SNIPPET ? code : name.startsWith(LIB_DIR) ? libs.get(name.slice(LIB_DIR.length)) : undefined;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => compilerOptions,
    getScriptFileNames: () => [SNIPPET],
    getScriptVersion: (name) => (name === SNIPPET ? String(version) : '0'),
    getScriptSnapshot: (name) => {
      const content = text(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => `${LIB_DIR}lib.d.ts`,
    fileExists: (name) => text(name) !== undefined,
    readFile: text,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    check(next) {
      if (next !== code) {
        code = next;
        version += 1;
      }
      const program = service.getProgram();
      const file = program?.getSourceFile(SNIPPET);
      if (!program || !file) throw new Error('The type checker has no program for the snippet');
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...service.getSyntacticDiagnostics(SNIPPET),
        ...service.getSemanticDiagnostics(SNIPPET),
      ];
      return diagnostics.flatMap((diagnostic) => problem(diagnostic, file));
    },
  };
}

function problem(diagnostic: ts.Diagnostic, file: ts.SourceFile): TypeProblem[] {
  if (diagnostic.category !== ts.DiagnosticCategory.Error && diagnostic.category !== ts.DiagnosticCategory.Warning)
    return [];
  // A problem of the set-up (a missing lib file) has no place in the snippet: it shows at its start.
  const inSnippet = diagnostic.file?.fileName === SNIPPET;
  const from = inSnippet ? (diagnostic.start ?? 0) : 0;
  const to = inSnippet ? from + (diagnostic.length ?? 0) : 0;
  const { line, character } = file.getLineAndCharacterOfPosition(from);
  return [
    {
      from,
      to,
      line: line + 1,
      column: character + 1,
      message: sentence(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
      severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    },
  ];
}

/** TypeScript's messages end without a full stop; each line of a chain gets one, as prose does. */
const sentence = (message: string) =>
  message
    .split('\n')
    .map((line) => (/[.:?!]$/.test(line) ? line : `${line}.`))
    .join('\n');
