/**
 * `npm run build` itself (not only `npm run check`) on bad frontmatter, in a
 * copy of the project (CONTENT_DIR points it at the fixture), as a contributor
 * or a deploy would run it. The drafts fixture's build is in publish-dist.test.ts,
 * whose tests share it.
 */
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/isolated-project';

describe('npm run build on content fixtures', () => {
  it('bad frontmatter fails the build, naming each file, line and field with the fix', async () => {
    const { code, output, dispose } = await buildFixture('tests/fixtures/bad-frontmatter');
    dispose();
    expect(code).not.toBe(0);
    const notes = 'tests/fixtures/bad-frontmatter/notes';
    expect(output).toContain('3 content problems');
    expect(output).toContain(`${notes}/bad-order.mdx:5:8: field "order": Write order as a whole number, e.g. 2.`);
    expect(output).toContain(
      `${notes}/misspelt-field.mdx:2:1: missing field "updated": add a line "updated: …" to the frontmatter.`,
    );
    expect(output).toContain(
      `${notes}/misspelt-field.mdx:6:1: unknown field "tagz": remove it or correct its spelling`,
    );
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
