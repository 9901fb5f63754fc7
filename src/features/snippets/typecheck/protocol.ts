/** What the page and the checker's worker (./typecheck-worker.ts) say to each other, and how a run shows what it found. */

/** One problem in the snippet; positions are offsets into its code, line and column 1-based. */
export interface TypeProblem {
  from: number;
  to: number;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Page → checker worker: the code to check; the answer carries the same id. */
export interface CheckRequest {
  id: number;
  code: string;
}

export interface CheckAnswer {
  id: number;
  problems: TypeProblem[];
}

/** The warning block a run prints before the JavaScript runs: each problem at its line and column. */
export function typeWarning(problems: readonly TypeProblem[]): string {
  return problems
    .map(({ line, column, message }) => `TypeScript: line ${line}, column ${column}: ${message}`)
    .join('\n');
}
