import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Pagefind's Node API runs the indexer as a child process and, on `close()`, only signals it: nothing waits for it
 * to end. A build that exits first leaves the child to be reaped by init, and its CPU time (7–8.5 s at 1,000
 * notes) then counts for no one — neither `time npm run build` nor the benchmark. These helpers find the child
 * while it runs and wait, after `close()`, until this process has reaped it, so its CPU time is added to this
 * process's children's (rusage, `/proc/self/stat`). Linux only: where there is no `/proc`, nothing is waited for.
 */

/** `pid (comm) state ppid …` of /proc/<pid>/stat; comm may contain spaces, so fields are read after the last ')'. */
function stat(pid: string): { comm: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return { comm: text.slice(text.indexOf('(') + 1, close), ppid: Number(text.slice(close + 2).split(' ')[1]) };
  } catch {
    return undefined;
  }
}

/** Process ids of this process's running children whose command name starts with `name`. */
export function childProcessIds(name: string, parent = process.pid): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const found = stat(pid);
      return found?.ppid === parent && found.comm.startsWith(name);
    })
    .map(Number);
}

/** Resolves once none of `pids` exists any more (reaped), or after `timeoutMs` — a stuck child must not hang the build. */
export async function untilReaped(pids: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pids.some((pid) => stat(String(pid)) !== undefined) && performance.now() < deadline) await sleep(10);
}
