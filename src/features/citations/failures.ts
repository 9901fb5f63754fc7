/**
 * Citation problems found while rendering, kept for the build to fail on.
 * Astro's content layer renders `.md` notes during sync and only logs a
 * plugin's error, then builds an empty page; the citations integration reads
 * this list at `astro:build:start` and fails the build instead.
 */
const failures = new Map<string, string>();

export function recordFailure(file: string, message: string): void {
  failures.set(file, message);
}

/** Drops a file's entry once it renders cleanly again (`astro dev` edits). */
export function clearFailure(file: string): void {
  failures.delete(file);
}

export function recordedFailures(): string[] {
  return [...failures.values()];
}
