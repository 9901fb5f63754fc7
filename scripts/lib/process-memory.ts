/**
 * Peak memory of a process and everything it starts (Pagefind runs as a
 * separate binary), sampled from Linux's /proc. VmHWM is the kernel's own
 * high-water mark per process, so short spikes between samples still count.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function highWaterKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples until stopped; `stop()` returns the peak in bytes: each process's high-water mark, summed over the tree. */
export function watchPeakMemory(root: number, everyMs = 100): { stop: () => number } {
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of descendants(root)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, highWaterKb(pid)));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return [...peaks.values()].reduce((sum, kb) => sum + kb, 0) * 1024;
    },
  };
}
