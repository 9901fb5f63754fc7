/**
 * Doctests for runnable snippets: find every ```ts run block in a content
 * tree (and every ```python run block), type-check the TypeScript in strict
 * mode (`npm run check`), and judge what a snippet printed against its ```text
 * output block. Snippets never run in Node: they run where readers run them,
 * in the page's sandbox in Chromium (tests/e2e/doctests.spec.ts), with no more
 * rights than a reader's code.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { diffArrays } from 'diff';
import ts from 'typescript';
import { compilerOptions as editorCompilerOptions } from './typecheck/checker';
import { noteFiles } from '../../core/content-dir';
import { parseNote } from '../../markdown/parse-note';
import { findRunnableSnippets, type SnippetLanguage } from './runnable-snippets';
import type { EndReason } from './runner/host';

export interface Doctest {
  /** Path relative to the working directory, for messages. */
  file: string;
  /** Line of the opening ```ts run fence. */
  line: number;
  title: string | undefined;
  source: string;
  expected: string;
  language: SnippetLanguage;
}

export function collectDoctests(dir: string): Doctest[] {
  return noteFiles(dir).flatMap((path) => {
    const file = relative(process.cwd(), path);
    const { tree } = parseNote(file, readFileSync(path, 'utf8'));
    return findRunnableSnippets(tree, file).map((snippet) => ({
      file,
      line: snippet.line,
      title: snippet.title,
      source: snippet.code.value,
      expected: snippet.output.value,
      language: snippet.language,
    }));
  });
}

/** The editor's checker (a module per snippet, in a dedicated worker), plus the notes' authoring rules. */
const compilerOptions: ts.CompilerOptions = {
  ...editorCompilerOptions,
  noUnusedLocals: true,
  noImplicitReturns: true,
};

const virtualName = (index: number) => `/doctest/snippet-${index}.ts`;

/** Type errors per doctest (same order), each as `file:line:column: TSnnnn message`. */
export function typecheckDoctests(doctests: Doctest[]): string[][] {
  const host = ts.createCompilerHost(compilerOptions);
  const sources = new Map(
    doctests.flatMap((doctest, index) =>
      doctest.language === 'typescript' ? [[virtualName(index), doctest.source] as const] : [],
    ),
  );
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError) => {
    const text = sources.get(name);
    return text === undefined
      ? getSourceFile(name, languageVersion, onError)
      : ts.createSourceFile(name, text, languageVersion, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  const program = ts.createProgram([...sources.keys()], compilerOptions, host);
  const global = ts.getPreEmitDiagnostics(program).filter((diagnostic) => !diagnostic.file);
  if (global.length) throw new Error(ts.formatDiagnostics(global, host));
  return doctests.map((doctest, index) => {
    if (doctest.language !== 'typescript') return [];
    const sourceFile = program.getSourceFile(virtualName(index));
    if (!sourceFile) throw new Error(`The type checker lost ${virtualName(index)}`);
    return ts.getPreEmitDiagnostics(program, sourceFile).map((diagnostic) => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      return `${doctest.file}:${doctest.line + 1 + line}:${character + 1}: TS${diagnostic.code} ${message}`;
    });
  });
}

/** A line diff (the `diff` package's, longest common subsequence): `-` expected, `+` printed, two spaces for both. */
export function lineDiff(expected: string[], actual: string[]): string[] {
  return diffArrays(expected, actual).flatMap((change) => {
    const mark = change.removed ? '- ' : change.added ? '+ ' : '  ';
    return change.value.map((line) => mark + line);
  });
}

/** What one run printed: the text of each line (elapsed milliseconds are not compared), and how it ended. */
export interface PrintedRun {
  reason: EndReason;
  texts: string[];
}

const expectedLines = (expected: string): string[] => (expected === '' ? [] : expected.split('\n'));

/** Null when the run printed exactly the ```text output block and finished, else what went wrong and where. */
export function judgeDoctest(doctest: Doctest, run: PrintedRun): string | null {
  const actual = run.texts.flatMap((text) => text.split('\n'));
  const expected = expectedLines(doctest.expected);
  const matches = actual.length === expected.length && actual.every((line, index) => line === expected[index]);
  if (run.reason === 'finished' && matches) return null;
  const why =
    run.reason === 'timeout'
      ? 'it hit the time limit'
      : run.reason === 'failed'
        ? `it ${doctest.language === 'python' ? 'raised an uncaught exception' : 'threw an uncaught error'}`
        : run.reason === 'stopped'
          ? 'it was stopped'
          : 'its output differs from the ```text output block';
  return [
    `${doctest.file}:${doctest.line}: snippet${doctest.title ? ` "${doctest.title}"` : ''} failed in Chromium: ${why}.`,
    'Diff (- expected in the ```text output block, + printed by the snippet):',
    ...lineDiff(expected, actual),
    'If the new output is right, update the ```text output block under the snippet.',
  ].join('\n');
}
