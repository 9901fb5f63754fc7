/**
 * CPU time of a build, Pagefind's process included, for the benchmark (scripts/bench/build-site.ts).
 * Pagefind's Node API runs the indexer as a child process and, on `close()`, only signals it: nothing waits for it
 * to end. A process that exits first leaves the child to be reaped by init, and its CPU time then counts for no one.
 * So the benchmark, around the build and not inside it, waits until this process has reaped every such child; the
 * kernel then adds their CPU time to this process's children's (rusage, `/proc/self/stat`). Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The fields of /proc/<pid>/stat after `pid (comm)`; comm may contain spaces, so they are read after the last ')'. */
function statOf(pid: string): { comm: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return { comm: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
  } catch {
    return undefined;
  }
}

/** Process ids of this process's children (running or not yet reaped) whose command name starts with `name`. */
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
      const found = statOf(pid);
      return Number(found?.fields[1]) === parent && found!.comm.startsWith(name);
    })
    .map(Number);
}

/**
 * Resolves once this process has no child named `name` left (each one ended and reaped), or after `timeoutMs`, so
 * a stuck child cannot hang the benchmark. Node reaps its children while its event loop runs, as it does here.
 */
export async function untilChildrenReaped(name: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (childProcessIds(name).length > 0 && performance.now() < deadline) await sleep(10);
}

/** User + system CPU seconds of this process and of the children it has reaped; undefined without `/proc`. */
export function cpuSecondsWithChildren(): number | undefined {
  const stat = statOf('self');
  if (!stat) return undefined;
  // utime, stime, cutime and cstime: fields 14–17 of stat(5), counted from the state field at index 0 here.
  const ticks = stat.fields.slice(11, 15).map(Number);
  return ticks.reduce((sum, tick) => sum + tick, 0) / 100;
}
