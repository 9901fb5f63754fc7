/**
 * `astro build` on a content tree whose notes have the content mistakes the build finds while compiling them (a
 * citation of an unknown source id, a broken comparison table): it stops, listing every problem of every note at
 * once with the file, the line and the fix, and no stack trace. One build covers them all, as one build reports them.
 */
import { afterAll, expect, it } from 'vitest';
import { buildFixture } from '../helpers/isolated-project';

const tree = 'tests/fixtures/bad-notes';
const notes = `${tree}/notes`;
const build = await buildFixture(tree);
afterAll(build.dispose);

it('fails, writes no site, and lists the problems of every note together', () => {
  expect(build.code, build.output).not.toBe(0);
  expect(build.built).toBe(false);
  expect(build.output).toContain('4 note problems need fixing:');
  // No stack frames into our code or Astro's.
  expect(build.output).not.toMatch(/^\s+at /m);
});

it('names a citation of an unknown source id with the file, the line, the closest id and where ids are registered', () => {
  expect(build.output).toContain(
    `${notes}/c10k.mdx:13:1: [Source](source:kegel-c10) cites the unknown source id "kegel-c10". Did you mean "kegel-c10k"? Use an id registered in ${tree}/sources/sources.yaml, or register the work there.`,
  );
});

it.each([
  [
    `${notes}/bad-table.mdx:13: table "concurrency-models": the header "Name" names columns 1 and 3. Give every column a distinct name.`,
  ],
  [
    `${notes}/bad-table.mdx:15: table "concurrency-models": row 1 ("Processes") has 2 cells but the header has 3. Add the missing cells`,
  ],
  [
    `${notes}/bad-table.mdx:17: table "concurrency-models": rows 2 and 3 both get the anchor #concurrency-models-threads. Make their first cells differ.`,
  ],
])('names each problem of a broken comparison table with the file, the line and the fix: %s', (message) => {
  expect(build.output).toContain(message);
});
