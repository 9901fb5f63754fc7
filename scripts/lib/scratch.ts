import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fresh folder for a throw-away build, inside the project (under
 * node_modules/.cache, ignored by git, TypeScript and Prettier). It must be
 * inside the working directory: for an outDir elsewhere, Astro puts its
 * prerender chunks in the shared `./.astro/.prerender/`, where two such builds
 * running at once (a benchmark and a reproducibility check) overwrite each other.
 */
export function scratchDir(name: string): string {
  const parent = join('node_modules', '.cache', 'asyncio-notes');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${name}-`));
}
