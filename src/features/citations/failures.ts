/**
 * Citation problems found while rendering, kept for the build to fail on.
 * Astro's content layer renders `.md` notes during sync and only logs a
 * plugin's error, then builds an empty page; the citations integration reads
 * this list at `astro:build:start` and fails the build instead.
 */
import type { ContentProblem } from '../../core/content-error';

const failures = new Map<string, readonly ContentProblem[]>();

export function recordFailure(file: string, problems: readonly ContentProblem[]): void {
  failures.set(file, problems);
}

/** Drops a file's entry once it renders cleanly again (`astro dev` edits). */
export function clearFailure(file: string): void {
  failures.delete(file);
}

export function recordedFailures(): ContentProblem[] {
  return [...failures.values()].flat();
}
