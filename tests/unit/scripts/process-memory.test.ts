import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchPeakMemory } from '../../../scripts/lib/process-memory.ts';

describe.runIf(process.platform === 'linux')('watchPeakMemory', () => {
  it('adds the peaks of the children a process starts to its own', async () => {
    // A child that holds ~200 MB for a moment, as Pagefind does beside the build.
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(200e6, 1); setTimeout(() => b.length, 600)']);
    const watch = watchPeakMemory(process.pid, 50);
    await new Promise((resolve) => child.on('exit', resolve));
    const peak = watch.stop();
    expect(peak).toBeGreaterThan(process.memoryUsage().rss + 150e6);
  });
});
