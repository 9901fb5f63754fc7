import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/features/search/pagefind-index';
import { childProcessIds, cpuSecondsWithChildren, untilChildrenReaped } from '../../../scripts/bench/build-cpu.ts';

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>The event loop runs ${title}.</p></main></body></html>`;

describe.runIf(process.platform === 'linux')('the benchmark’s CPU count', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a running child by name and waits until it is reaped', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    expect(childProcessIds('sleep')).toContain(child.pid);
    child.kill();
    await untilChildrenReaped('sleep');
    expect(childProcessIds('sleep')).not.toContain(child.pid);
  });

  it('adds a child’s CPU time once it is reaped', async () => {
    const before = cpuSecondsWithChildren()!;
    // Half a second of the child's own CPU time, however busy the machine: the parent's barely moves meanwhile.
    const child = spawn(process.execPath, ['-e', 'while (process.cpuUsage().user < 500_000);']);
    await new Promise((resolve) => child.once('exit', resolve));
    await untilChildrenReaped('node');
    expect(cpuSecondsWithChildren()! - before).toBeGreaterThan(0.45);
  });

  it('leaves Pagefind’s indexer to end after the index is written, and then counts it', async () => {
    const site = mkdtempSync(join(tmpdir(), 'pagefind-reap-'));
    dirs.push(site);
    for (const title of ['alpha', 'beta']) writeFileSync(join(site, `${title}.html`), page(title));
    const report = await buildSearchIndex(site);
    expect(report.indexed).toBe(2);
    await untilChildrenReaped('pagefind');
    expect(childProcessIds('pagefind')).toEqual([]);
  });
});
