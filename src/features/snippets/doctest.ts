/**
 * Doctests for runnable snippets: find every ```ts run block in a content
 * tree, type-check it in strict mode, run it in Node with the page's sandbox
 * (src/features/snippets/runner), and compare what it prints with its ```text output block.
 * ```python run blocks run under the page's Pyodide (python/node.ts) and are compared by the same rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findRunnableSnippets, type SnippetLanguage } from './runnable-snippets';
import { runPythonInNode } from './python/node';
import { runInNode } from './runner/node';
import { transpile } from './runner/transpile';
import type { RunResult } from './runner/host';

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

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function collectDoctests(dir: string): Doctest[] {
  return contentFiles(dir).flatMap((path) => {
    const file = relative(process.cwd(), path);
    const processor = path.endsWith('.mdx') ? unified().use(remarkParse).use(remarkMdx) : unified().use(remarkParse);
    const tree = processor.parse(readFileSync(path, 'utf8'));
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

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  // Every snippet is its own module, so top-level await works and names do not clash.
  moduleDetection: ts.ModuleDetectionKind.Force,
  // Snippets run in a dedicated worker: the worker globals, no DOM.
  lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts'],
  types: [],
  noUnusedLocals: true,
  noImplicitReturns: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
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

/** A minimal line diff (longest common subsequence): `-` expected, `+` printed. */
export function lineDiff(expected: string[], actual: string[]): string[] {
  const common: number[][] = Array.from({ length: expected.length + 1 }, () =>
    Array<number>(actual.length + 1).fill(0),
  );
  for (let i = expected.length - 1; i >= 0; i--) {
    for (let j = actual.length - 1; j >= 0; j--) {
      common[i]![j] =
        expected[i] === actual[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    if (i < expected.length && j < actual.length && expected[i] === actual[j]) {
      out.push(`  ${expected[i++]}`);
      j++;
    } else if (j < actual.length && (i === expected.length || common[i]![j + 1]! > common[i + 1]![j]!)) {
      out.push(`+ ${actual[j++]}`);
    } else {
      out.push(`- ${expected[i++]}`);
    }
  }
  return out;
}

const printed = (result: RunResult): string[] => result.lines.flatMap((line) => line.text.split('\n'));
const expectedLines = (expected: string): string[] => (expected === '' ? [] : expected.split('\n'));

/** Runs one doctest; returns null when it passes, else what went wrong and where. */
export async function runDoctest(doctest: Doctest, limitMs?: number): Promise<string | null> {
  const where = `${doctest.file}:${doctest.line}`;
  let result: RunResult;
  if (doctest.language === 'python') {
    result = await runPythonInNode(doctest.source, limitMs);
  } else {
    const compiled = transpile(doctest.source);
    if (!compiled.ok) {
      return `${doctest.file}:${doctest.line + compiled.line}:${compiled.column}: the snippet does not parse: ${compiled.message}`;
    }
    result = await runInNode(compiled.code, limitMs === undefined ? {} : { limitMs });
  }
  const actual = printed(result);
  const expected = expectedLines(doctest.expected);
  const matches = actual.length === expected.length && actual.every((line, index) => line === expected[index]);
  if (result.reason === 'finished' && matches) return null;
  const why =
    result.reason === 'timeout'
      ? 'it hit the time limit'
      : result.reason === 'failed'
        ? `it ${doctest.language === 'python' ? 'raised an uncaught exception' : 'threw an uncaught error'}`
        : 'its output differs from the ```text output block';
  return [
    `${where}: snippet${doctest.title ? ` "${doctest.title}"` : ''} failed: ${why}.`,
    'Diff (- expected in the ```text output block, + printed by the snippet):',
    ...lineDiff(expected, actual),
    'If the new output is right, update the ```text output block under the snippet.',
  ].join('\n');
}
