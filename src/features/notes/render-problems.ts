import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { ContentError, type ContentProblem } from '../../core/content-error';

/**
 * The content policy's problems in every note of one `astro build`. astro.config.mjs makes one list and hands it to
 * the policy plugin (src/markdown/pipeline.ts) and to `failOnNoteProblems`. In a build the plugin records a refused
 * note's problems here and compiles the note empty instead of stopping at the first note, so nothing a refused note
 * holds is ever run, and the build fails right after the last note is compiled, before any page renders, listing
 * every note's problems together. Outside a build (`astro dev`, `astro sync`) the plugin stops the note at once.
 */
export class NoteProblems {
  #collecting = false;
  readonly #byFile = new Map<string, readonly ContentProblem[]>();

  /** True in `astro build`: the policy records a note's problems here instead of throwing. */
  get collecting(): boolean {
    return this.#collecting;
  }

  /** Called as `astro build` sets up: from now on problems are collected, starting from an empty list. */
  collect(): void {
    this.#collecting = true;
    this.#byFile.clear();
  }

  /** A note's problems, from its one compile in the build. */
  record(file: string, problems: readonly ContentProblem[]): void {
    this.#byFile.set(file, problems);
  }

  /** By file, then place: notes compile in parallel, and the list must not depend on which finished first. */
  all(): ContentProblem[] {
    return [...this.#byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => list);
  }
}

/** The content errors that stopped a bundle: the error itself, or those Rolldown gathered in `errors`. */
function contentErrorsIn(error: Error | undefined): Pick<ContentError, 'what' | 'problems' | 'hint'>[] {
  if (!error) return [];
  const errors = (error as { errors?: unknown }).errors;
  return (Array.isArray(errors) ? errors : [error]).filter((inner): inner is ContentError =>
    Array.isArray((inner as { problems?: unknown } | null)?.problems),
  );
}

/** Fails `astro build` on every problem in `problems` once the notes are compiled (the end of the prerender bundle). */
export function failOnNoteProblems(problems: NoteProblems): AstroIntegration {
  const check: Plugin = {
    name: 'asyncio-notes:note-problems',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    buildEnd(error) {
      const recorded = problems.all();
      const lists = [
        ...(recorded.length > 0 ? [{ what: 'note problem', problems: recorded, hint: undefined }] : []),
        ...contentErrorsIn(error),
      ];
      if (lists.length === 0) return;
      // One list: every recorded problem, and the content error of each note that stopped the bundle (Rolldown
      // wraps them, and MDX gives each a stack trace into its plugin, which a contributor never needs to read).
      const [only] = lists;
      const hints = [...new Set(lists.flatMap((list) => list.hint ?? []))];
      throw new ContentError(
        lists.length === 1 && only ? only.what : 'note problem',
        lists.flatMap((list) => list.problems),
        { shown: Infinity, hint: hints.length > 0 ? hints.join('\n') : undefined },
      );
    },
  };
  return {
    name: 'asyncio-notes:note-problems',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        problems.collect();
        updateConfig({ vite: { plugins: [check] } });
      },
      // A net under that check, should it ever not run (an Astro upgrade renaming the prerender environment): a
      // refused note's empty page is never published. This integration comes before the one that publishes.
      'astro:build:done': () => {
        const recorded = problems.all();
        if (recorded.length > 0) throw new ContentError('note problem', recorded, { shown: Infinity });
      },
    },
  };
}
