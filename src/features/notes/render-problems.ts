import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { ContentError, type ContentProblem } from '../../core/content-error';

/**
 * Problems found while notes render, for `astro build` to fail on once, listing every note's problems together.
 * Two kinds land here: a `.md` note that failed to render (Astro's content sync only logs that and ships an empty
 * page), and, in a build, the content policy's problems in any note: the policy plugin records them and compiles
 * the note empty instead of stopping the build at the first note (see remark-content-policy.ts), so nothing a
 * refused note holds is ever run, and the build fails right after the last note is compiled, before any page renders.
 */
const problems = new Map<string, readonly ContentProblem[]>();
let deferred = false;
/** Marks, in Astro's cacheDir, that a note failed or was refused: the next run must render every note again. */
let stampFile: string | undefined;

/** True in `astro build`: a plugin records a note's problems here instead of throwing. */
export function noteProblemsDeferred(): boolean {
  return deferred;
}

export function recordNoteProblems(file: string, list: readonly ContentProblem[]): void {
  problems.set(file, [...(problems.get(file) ?? []), ...list]);
  // At once, not when the build fails: Astro caches a refused `.md` note's empty page when its content sync ends, and
  // a build stopped before the end (Ctrl-C, another error) must not leave that page for the next build to reuse.
  if (stampFile) {
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, '');
  }
}

/** Forgets a note's problems as it renders again (`astro dev` edits). */
export function clearNoteProblems(file: string): void {
  problems.delete(file);
}

/** By file, then place: notes compile in parallel, and the list must not depend on which finished first. */
export function recordedNoteProblems(): ContentProblem[] {
  return [...problems.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => list);
}

/** The content errors that stopped a bundle: the error itself, or those Rolldown gathered in `errors`. */
function contentErrorsIn(error: Error | undefined): Pick<ContentError, 'what' | 'problems' | 'hint'>[] {
  if (!error) return [];
  const errors = (error as { errors?: unknown }).errors;
  return (Array.isArray(errors) ? errors : [error]).filter((inner): inner is ContentError =>
    Array.isArray((inner as { problems?: unknown } | null)?.problems),
  );
}

/**
 * Fails `astro build` on every recorded note problem once the notes are compiled (the end of the prerender
 * bundle, before pages render), and makes the next build render every `.md` note again: Astro's content cache
 * would otherwise keep a failed or emptied page.
 */
export function failOnNoteProblems(): AstroIntegration {
  const check: Plugin = {
    name: 'asyncio-notes:note-problems',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    buildEnd(error) {
      const recorded = recordedNoteProblems();
      if (recorded.length === 0 && !error && stampFile) rmSync(stampFile, { force: true });
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
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        const stamp = join(cacheDir, 'note-problems-failed');
        stampFile = stamp;
        const storeFile = join(cacheDir, 'data-store.json');
        if (existsSync(stamp) && existsSync(storeFile)) {
          rmSync(storeFile);
          logger.info('the last build failed on a note: rendering every note again');
        }
        if (command !== 'build') return;
        // A second build in the same process (a script calling Astro's build()) starts from a clean list.
        problems.clear();
        deferred = true;
        updateConfig({ vite: { plugins: [check] } });
      },
      // A net under that check, should it ever not run (an Astro upgrade renaming the prerender environment): a
      // refused note's empty page is never published. This integration comes before the one that publishes.
      'astro:build:done': () => {
        const recorded = recordedNoteProblems();
        if (recorded.length > 0) throw new ContentError('note problem', recorded, { shown: Infinity });
      },
    },
  };
}
