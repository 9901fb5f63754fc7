/**
 * The one error type for content mistakes (a note, the source registry, a built page): every plugin and build step
 * throws it, so a contributor always reads the same shape — where, what is wrong, what to write instead — and never a
 * stack trace into our code.
 */
import { relative } from 'node:path';
import type { VFile } from 'vfile';
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/notes/c10k.mdx`. */
  file: string;
  /** 1-based, counted from the top of the file (frontmatter included). */
  line?: number | undefined;
  column?: number | undefined;
  /** What is wrong and what to write instead, as one or two sentences. */
  message: string;
}

/** The file a Markdown plugin's problems name: the note's path from the project root. */
export function problemFile(file: VFile): string {
  return file.path ? relative(process.cwd(), file.path) : '<markdown>';
}

/** `file:line:column: message`, the form editors and CI annotations link from. */
export function formatContentProblem(problem: ContentProblem): string {
  const at = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${at}: ${problem.message}`;
}

export interface ContentErrorOptions {
  /** A closing line that applies to every problem, e.g. where the format is documented. */
  hint?: string | undefined;
  /** At most this many problems are listed; the rest are counted. */
  shown?: number | undefined;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  /** What the problems are, as given to the constructor: lists of them merge under it (render-problems.ts). */
  readonly what: string;
  readonly hint: string | undefined;
  /** The first problem's place; Astro shows it as the error's location. */
  readonly loc: { file: string; line?: number | undefined; column?: number | undefined } | undefined;
  /** The same place again where @astrojs/mdx looks for it (it replaces `loc` with `{ file, line, column }`). */
  readonly line: number | undefined;
  readonly column: number | undefined;

  /**
   * @param what what needs fixing, in the plural's singular form: "citation", "comparison table problem", "link".
   */
  constructor(what: string, problems: readonly ContentProblem[], { hint, shown = 30 }: ContentErrorOptions = {}) {
    const rest = problems.length - shown;
    super(
      [
        `${problems.length === 1 ? `A ${what} needs` : `${problems.length} ${what}s need`} fixing:`,
        ...problems.slice(0, shown).map(formatContentProblem),
        ...(rest > 0 ? [`… and ${rest} more.`] : []),
        ...(hint === undefined ? [] : [hint]),
      ].join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    this.what = what;
    this.hint = hint;
    const [first] = problems;
    this.loc = first && { file: first.file, line: first.line, column: first.column };
    this.line = first?.line;
    this.column = first?.line === undefined ? undefined : (first.column ?? 1);
    // The message says everything; a stack into the plugin would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }

  /**
   * The first line only. Astro guesses a hint from `toString()`, and any "document" or "window" in it ("a data: URL
   * can carry a whole document") made it add "Browser APIs are not available on the server" under the problems.
   */
  override toString(): string {
    return `${this.name}: ${this.message.split('\n', 1)[0]}`;
  }
}
