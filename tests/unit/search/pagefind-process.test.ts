import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/features/search/pagefind-index';
import { childProcessIds, untilReaped } from '../../../src/features/search/pagefind-process';

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>The event loop runs ${title}.</p></main></body></html>`;

describe('Pagefind’s process', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a running child by name and waits until it is reaped', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    expect(childProcessIds('sleep')).toContain(child.pid);
    child.kill();
    await untilReaped([child.pid!]);
    expect(childProcessIds('sleep')).not.toContain(child.pid);
  });

  it('is gone, reaped by the build, when the index is written', async () => {
    const site = mkdtempSync(join(tmpdir(), 'pagefind-reap-'));
    dirs.push(site);
    for (const title of ['alpha', 'beta']) writeFileSync(join(site, `${title}.html`), page(title));
    const report = await buildSearchIndex(site);
    expect(report.indexed).toBe(2);
    // Right after Pagefind's own close() the indexer is still running or a zombie; its CPU time only counts once reaped.
    expect(childProcessIds('pagefind')).toEqual([]);
  });
});
