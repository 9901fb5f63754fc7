import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';

/** Moves a folder, by renaming when it can (one file system), else by copying. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Replaces `target` with the finished build in `staged`: the old folder is moved aside first and deleted only once
 * the new one is in place, so `target` is at every moment either the previous site or the new one, whole.
 */
export function publish(staged: string, target: string, aside: string): void {
  rmSync(aside, { recursive: true, force: true });
  const hadPrevious = existsSync(target);
  if (hadPrevious) move(target, aside);
  try {
    move(staged, target);
  } catch (error) {
    if (hadPrevious) move(aside, target);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}
