/**
 * The one error type for content mistakes (a note, the source registry, a built page): every plugin and build step
 * throws it, so a contributor always reads the same shape — where, what is wrong, what to write instead — and never a
 * stack trace into our code.
 */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/notes/c10k.mdx`. */
  file: string;
  /** 1-based, counted from the top of the file (frontmatter included). */
  line?: number | undefined;
  column?: number | undefined;
  /** What is wrong and what to write instead, as one or two sentences. */
  message: string;
}

/** `file:line:column: message`, the form editors and CI annotations link from. */
export function formatContentProblem(problem: ContentProblem): string {
  const at = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${at}: ${problem.message}`;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  /** The first problem's place; Astro shows it as the error's location. */
  readonly loc: { file: string; line?: number | undefined; column?: number | undefined } | undefined;

  /**
   * @param what what needs fixing, in the plural's singular form: "citation", "comparison table", "link".
   * @param shown at most this many problems are listed; the rest are counted.
   */
  constructor(what: string, problems: readonly ContentProblem[], shown = 30) {
    const rest = problems.length - shown;
    super(
      `${problems.length === 1 ? `A ${what} needs` : `${problems.length} ${what}s need`} fixing:\n` +
        problems.slice(0, shown).map(formatContentProblem).join('\n') +
        (rest > 0 ? `\n… and ${rest} more.` : ''),
    );
    this.name = 'ContentError';
    this.problems = problems;
    const [first] = problems;
    this.loc = first && { file: first.file, line: first.line, column: first.column };
    // The message says everything; a stack into the plugin would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}
