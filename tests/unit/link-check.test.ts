import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/link-check';

describe('link check over a built site', () => {
  it('names the page and the link for each broken link, anchor and malformed URL', () => {
    expect(checkLinks('tests/fixtures/links/site', { base: '/' })).toEqual([
      '/a/ (dist/a/index.html): <link href="style.css"> points to /a/style.css, where the built site has no page or file. Fix the link, or create the page it means.',
      '/ (dist/index.html): <a href="/missing/"> points to /missing/, where the built site has no page or file. Fix the link, or create the page it means.',
      '/ (dist/index.html): <a href="/a/#intr"> points to #intr, but /a/ has no element with id "intr". Did you mean #intro? Link to an existing heading or anchor, or restore the one that was renamed.',
      '/ (dist/index.html): <a href="https://example/page"> has no valid host ("example"). Write an absolute http(s) URL such as https://example.org/page.',
      '/ (dist/index.html): <a href="javascript:void(0)"> uses the scheme "javascript:". Link with an absolute http(s) URL or a path on this site.',
      '/ (dist/index.html): <a href="//example.org/page"> leaves out the scheme. Write https://… so the link does not depend on how the page is served.',
    ]);
  });

  it('serves the site under a base path and checks absolute links to its own origin', () => {
    expect(checkLinks('tests/fixtures/links/base-site', { base: '/repo', site: 'https://example.org' })).toEqual([
      '/repo/ (dist/index.html): <a href="/a/"> points outside the site\'s base path /repo/. Build internal links with withBase() from src/lib/urls.ts.',
      '/repo/ (dist/index.html): <a href="https://example.org/repo/gone/"> points to /repo/gone/, where the built site has no page or file. Fix the link, or create the page it means.',
    ]);
  });
});
