import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { isolatedProject, localBin } from '../helpers/isolated-project';

/**
 * The whole path a contributor sees: `astro build` on a content tree with a
 * mistyped citation fails, and its output carries the message without a stack.
 * It builds in a copy of the project so it cannot race the build `npm run check` runs.
 */
it('astro build fails on a bad citation with the message a contributor needs', () => {
  const project = isolatedProject('content', ['tests/fixtures/citations/unknown-id-site']);
  try {
    const result = spawnSync(localBin('astro'), ['build'], {
      cwd: project.root,
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/citations/unknown-id-site', FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    const message =
      'A citation needs fixing:\n' +
      'tests/fixtures/citations/unknown-id-site/notes/c10k.md:13:1: [Source](source:kegel-c10) cites the unknown source id "kegel-c10". Did you mean "kegel-c10k"? Use an id registered in tests/fixtures/citations/unknown-id-site/sources/sources.yaml, or register the work there.';
    const failure = output.slice(output.indexOf('[ERROR] [asyncio-notes:citations]'));
    expect(failure).toContain(message);
    // No stack frames into our code or Astro's after the message.
    expect(failure).not.toMatch(/^\s+at /m);
  } finally {
    project.dispose();
  }
});
