import { describe, expect, it } from 'vitest';
import { formatContentProblem } from '../../../src/core/content-error';
import { checkLinks, readPage } from '../../../src/features/links/link-check';

describe('link check over a built site', () => {
  it('names the page and the link for each broken link, anchor and malformed URL', async () => {
    expect((await checkLinks('tests/fixtures/links/site', { base: '/' })).map(formatContentProblem)).toEqual([
      'dist/a/index.html: <link href="style.css"> on /a/ points to /a/style.css, where the built site has no page or file. Fix the link, or create the page it means.',
      'dist/index.html: <a href="/missing/"> on / points to /missing/, where the built site has no page or file. Fix the link, or create the page it means.',
      'dist/index.html: <a href="/a/#intr"> on / points to #intr, but /a/ has no element with id "intr". Did you mean #intro? Link to an existing heading or anchor, or restore the one that was renamed.',
      'dist/index.html: <a href="https://example/page"> on / has no valid host ("example"). Write an absolute http(s) URL such as https://example.org/page.',
      'dist/index.html: <a href="javascript:void(0)"> on / uses the scheme "javascript:". Link with an absolute http(s) URL or a path on this site.',
      'dist/index.html: <a href="//example.org/page"> on / leaves out the scheme. Write https://… so the link does not depend on how the page is served.',
      // Read as the browser reads them: backslashes lead to another site, a malformed escape names nothing.
      'dist/index.html: <a href="\\\\example.org/page"> on / is read by browsers as http://example.org/page, another site (a backslash reads as "/"). Write a path of this site with "/", or the full https:// address.',
      'dist/index.html: <a href="/\\example.org/page"> on / is read by browsers as http://example.org/page, another site (a backslash reads as "/"). Write a path of this site with "/", or the full https:// address.',
      'dist/index.html: <a href="/a/#%E0%A4%A"> on / holds the percent-escape "%E0%A4%A", which spells no text, so no file or id can match it. Fix the link in the note that wrote it.',
      'dist/index.html: <a href="/a%ZZ/"> on / holds the percent-escape "%ZZ", which spells no text, so no file or id can match it. Fix the link in the note that wrote it.',
      'dist/index.html: <a href="http://[::1"> on / is not an address a browser can follow: the URL parser rejects it. Write an absolute http(s) URL or a path on this site.',
      'dist/index.html: <a href="https:/example.org/page"> on / has no "//" after its scheme. Write the full https://host/… address, or a path on this site.',
      'dist/index.html: <img srcset="/missing.png"> on / points to /missing.png, where the built site has no page or file. Fix the link, or create the page it means.',
    ]);
  });

  it('serves the site under a base path and checks absolute links to its own origin', async () => {
    expect(
      (await checkLinks('tests/fixtures/links/base-site', { base: '/repo', site: 'https://example.org' })).map(
        formatContentProblem,
      ),
    ).toEqual([
      'dist/index.html: <a href="/a/"> on /repo/ points outside the site\'s base path /repo/. Build internal links with withBase() from src/core/urls.ts.',
      'dist/index.html: <a href="https://example.org/repo/gone/"> on /repo/ points to /repo/gone/, where the built site has no page or file. Fix the link, or create the page it means.',
    ]);
  });

  it('reads ids and links from tags only, not from text inside scripts, styles, titles or noscripts', () => {
    const page = readPage(
      `<!doctype html><title>a <a href="/t/"> b</title><style>a[href="/s/"]{}</style>
      <script>if (1 < 2) document.write('<a id="fake" href="/x/">');</script>
      <noscript><a id="noscript" href="/n/">N</a></noscript><textarea><a href="/ta/"></textarea>
      <h2 id="intro">Intro</h2><p id="">empty</p><a href="/a/?q=1&amp;r=2#intro">A</a><img src="i.png" alt="">`,
      'index.html',
    );
    expect([...page.ids]).toEqual(['intro']);
    expect(page.links).toEqual([
      { tag: 'a', attribute: 'href', value: '/a/?q=1&r=2#intro' },
      { tag: 'img', attribute: 'src', value: 'i.png' },
    ]);
  });
});
