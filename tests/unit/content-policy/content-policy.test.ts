import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/core/content-error';
import { PAGE_MEDIA_KB } from '../../../src/core/budget';
import { policyProblems } from '../../../src/features/content-policy/check-notes';
import { remarkContentPolicy } from '../../../src/features/content-policy/remark-content-policy';
import {
  attributeProblems,
  elementProblem,
  PAGE_IDS,
  imageProblem,
  normalizeUrl,
  urlProblem,
} from '../../../src/features/content-policy/rules';
import { parseNote } from '../../../src/markdown/parse-note';

const fixtures = 'tests/fixtures/content-policy/notes';

/** `line:column: message` of every problem in a string written as note `name` (frontmatter-free). */
const problemsIn = (name: string, text: string) =>
  policyProblems(name, text).map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);

/** The fixture's problems, each shortened to `line:column: <the first words of its message>`. */
function fixture(name: string): string[] {
  const file = join(fixtures, name);
  return policyProblems(file, readFileSync(file, 'utf8')).map((problem) => {
    expect(problem.file).toBe(file);
    return `${problem.line}:${problem.column}: ${problem.message}`;
  });
}

const RUNS_SCRIPT = 'runs script when followed. Link to a page with [text](https://…)';
const IS_CODE = 'is JavaScript, which Node runs while the site is built. A note may hold only text';
const HOOK = "is a hook of the page's scripts";
const NOT_IMAGE = 'is not an image: a page loading it as one downloads the whole file';
const OTHER_SITE = 'leaves out the scheme, so the browser reads it as an address on another site, evil.example.';
const LOADS_ELSEWHERE = 'loads from another site';
const NO_CLASS = "a note's markup takes no class of the site's";
const PAGE_NAMES = 'ids and names belong to the page';
const DRIVES = "lets the note drive the page's keyboard focus or controls";
const HIDES = 'hides text from readers';
const WASM = '<img> src="/pyodide/pyodide.asm.wasm"';
const NOT_MARKDOWN_LINK =
  'is a link written as HTML or JSX, which the source registry and the base path do not see. Write it as a Markdown link';

/** Each attack under tests/fixtures/content-policy/notes, and where and how it is refused (lines from the file's top). */
const attacks: Record<string, string[]> = {
  'script.mdx': ['9:1: <script> is not allowed in a note: it runs code'],
  'onerror-in-table-cell.mdx': ["11:41: onerror= on <img> runs script in the reader's browser"],
  'onload-upper-case.mdx': ['9:32: ONLOAD= on <img> runs script'],
  'meta-refresh.mdx': ['9:1: <meta> is not allowed in a note: it can redirect', '9:7: http-equiv= on <meta>'],
  'form.mdx': [
    '9:1: <form> is not allowed in a note: it submits',
    '9:58: <input> is not allowed',
    '9:83: <button> is not allowed',
  ],
  'iframe.mdx': [
    '9:1: <iframe> is not allowed in a note: it embeds',
    '9:9: <iframe> src="https://example.com/" loads from another site',
  ],
  'object-embed.mdx': ['9:1: <object> is not allowed in a note', '11:1: <embed> is not allowed in a note'],
  'base.mdx': [
    '9:1: <base> is not allowed in a note: it redirects every relative link',
    `9:7: <base href="https://example.com/"> ${NOT_MARKDOWN_LINK}`,
  ],
  'javascript-tab-entity.mdx': [`9:10: <a> href="java\\tscript:alert(1)" ${RUNS_SCRIPT}`],
  'javascript-newline.mdx': [`10:1: <a> href="jav\\nascript:alert(1)" ${RUNS_SCRIPT}`],
  'svg-script.mdx': ['9:1: <svg> is not allowed in a note', '9:6: <script> is not allowed in a note'],
  'math-link.mdx': [
    '9:1: <math> is not allowed',
    '9:7: <mi> is not allowed',
    `9:11: <mi> xlink:href="javascript:alert(1)" ${RUNS_SCRIPT}`,
  ],
  'data-urls.mdx': [
    '9:4: <a> href="data:text/html,<script>alert(1)</script>" is a data: URL',
    '11:6: <img> src="data:image/svg+xml,<svg onload=alert(1)>" is a data: URL',
  ],
  'html-external-link.mdx': [
    `9:9: <a href="https://example.org/unregistered"> ${NOT_MARKDOWN_LINK}: [text](https://example.org/unregistered).`,
  ],
  'markdown-scheme-links-native.mdx': [
    `9:1: […](…): href="javascript:alert(1)" ${RUNS_SCRIPT}`,
    `9:34: […](…): href="JaVaScRiPt:alert(1)" ${RUNS_SCRIPT}`,
    '9:73: ![…](…): src="data:text/html,hi" is a data: URL',
    `13:1: […](…): href="vbscript:msgbox(1)" ${RUNS_SCRIPT}`,
  ],
  'remote-image.mdx': [
    '9:6: <img> src="https://example.com/pixel.gif" loads from another site',
    '11:1: ![…](…): src="https://example.com/pixel.gif" loads from another site',
  ],
  'template-script.mdx': ['9:1: <template> is not allowed', '9:11: <script> is not allowed'],
  // The browser parses a noscript's content as text, so an attribute holding `</noscript>` lets markup out.
  'noscript-breakout.mdx': ['9:1: <noscript> is not allowed in a note'],
  'jsx-namespaced.mdx': [
    '9:1: <svg:script> is not allowed in a note',
    "11:16: on:click= on <a> runs script in the reader's browser",
  ],
  'jsx-javascript-href.mdx': [`9:4: <a> href="javascript:alert(1)" ${RUNS_SCRIPT}`],
  'jsx-upper-case-href.mdx': [`9:9: <a HREF="https://example.org/unregistered"> ${NOT_MARKDOWN_LINK}`],
  'jsx-expression-href.mdx': [`9:9: <a href="https://example.org/unregistered"> ${NOT_MARKDOWN_LINK}`],
  'jsx-entity-javascript.mdx': [`9:4: <a> href="java\\tscript:alert(1)" ${RUNS_SCRIPT}`],
  'jsx-template-href.mdx': [`9:4: href={\`javascript:\${'alert(1)'}\`} on <a> ${IS_CODE}`],
  'mdx-fetch.mdx': [`9:9: {fetch("https://example.com/steal")} ${IS_CODE}`],
  'mdx-import.mdx': [
    "9:1: `import Chart from '../../src/componen…` is an import or export: module code",
    '11:1: <Chart> is a component; a note may use only the components listed in src/features/content-policy/rules.ts (none today)',
  ],
  'mdx-export.mdx': ['9:1: `export const gone = globalThis.proces…` is an import or export'],
  'set-html.mdx': ['9:6: set:html on <div> inserts raw, unchecked HTML', '11:7: set:text on <span> inserts raw'],
  'dangerously-set-inner-html.mdx': ['9:6: dangerouslySetInnerHTML={{ __html:'],
  'spread-attributes.mdx': ['9:6: a spread attribute {…} on <div> is JavaScript'],
  'jsx-handler.mdx': ['9:1: <button> is not allowed', '9:9: onClick= on <button> runs script'],
  'jsx-script.mdx': ['9:1: <script> is not allowed in a note'],
  'jsx-meta.mdx': ['9:1: <meta> is not allowed', '9:7: httpEquiv= on <meta>'],
  'jsx-attribute-code.mdx': [`9:7: title={process.env.HOME} on <span> ${IS_CODE}`],
  // Feature markup written by hand: the table script would read the table's id, the note's markup for its own.
  'comparison-table-hand-written.mdx': [
    "9:9: data-comparison-table= on <figure> is a comparison table's hook",
    `9:31: class="comparison-table" on <figure>: ${NO_CLASS}`,
    `9:65: class="table-scroll" on <div>: ${NO_CLASS}`,
    `9:93: id= on <table>: ${PAGE_NAMES}`,
  ],
  'hidden-text.mdx': [
    `9:7: hidden= on <span> ${HIDES}`,
    `11:6: popover= on <div> ${HIDES}`,
    `13:7: class="visually-hidden" on <span>: ${NO_CLASS}`,
    `13:73: class="sr-only" on <span>: ${NO_CLASS}`,
  ],
  'search-weighting.mdx': [
    '9:7: data-pagefind-meta= on <span> is a hook of search indexing: it would retitle',
    '11:4: data-pagefind-weight= on <p> is a hook of search indexing',
  ],
  'page-hooks.mdx': [
    `9:7: data-theme-toggle= on <span> ${HOOK}`,
    `9:46: data-copy-status= on <span> ${HOOK}`,
    `11:6: class="toc" on <div>: ${NO_CLASS}`,
  ],
  'other-hooks.mdx': [
    `9:25: name= on <img>: ${PAGE_NAMES}`,
    `9:63: id= on <span>: ${PAGE_NAMES}`,
    `9:91: name= on <details>: ${PAGE_NAMES}`,
    `11:7: inert= on <span> ${HIDES}`,
    `11:28: aria-hidden= on <span> ${HIDES}`,
    '11:62: role= on <abbr> changes what assistive technology announces',
    '11:101: slot= on <span> attaches the element to a custom element',
    '11:110: is= on <span> attaches the element to a custom element',
    `13:7: contentEditable= on <span> ${DRIVES}`,
    `13:38: accessKey= on <span> ${DRIVES}`,
    `13:52: tabIndex= on <span> ${DRIVES}`,
    `13:80: autoFocus= on <span> ${DRIVES}`,
    '13:105: dataPagefindIgnore= on <span> is a hook of search indexing',
  ],
  // Chromium reads `\\` as `//`: another site, where the text looks like a path of this one.
  'backslash-links.mdx': [
    '9:1: […](…): href="\\\\evil.example/x" holds a backslash, which browsers read as "/"',
    `9:29: […](…): href="/\\\\evil.example/x" ${OTHER_SITE}`,
    '9:57: […](…): href="https:\\\\evil.example/x" has no "//" after its scheme',
    `11:6: <img> src="\\\\\\\\evil.example/pixel.png" ${LOADS_ELSEWHERE}`,
    `11:52: <img> src="/\\\\evil.example/pixel.png" ${LOADS_ELSEWHERE}`,
    `13:6: <img> src="\\\\\\\\evil.example/pixel.png" ${LOADS_ELSEWHERE}`,
    `13:58: <q> cite="/\\\\evil.example/" ${OTHER_SITE}`,
    `13:99: <a> href="\\\\\\\\evil.example/x" ${OTHER_SITE}`,
  ],
  'url-tricks.mdx': [
    `9:1: […](…): href="//evil.example/x" ${OTHER_SITE}`,
    `9:23: […](…): href="javascript:alert(1)" ${RUNS_SCRIPT}`,
    `9:58: <img> src="/\\t/evil.example/pixel.png" ${LOADS_ELSEWHERE}`,
    `11:6: <img> srcset="//evil.example/pixel.png" ${LOADS_ELSEWHERE}`,
    '11:75: <img> src="/favicon.svg#x" adds a query or fragment to an image',
    `13:6: <img> src="/a/%2e%2e/%2e%2e/pyodide/pyodide.asm.wasm" ${NOT_IMAGE}`,
    `13:67: <q> cite="java\\tscript:alert(1)" ${RUNS_SCRIPT}`,
    // Without "//" an https: address is a path of an https page and another site on an http one.
    '15:1: ![…](…): src="https:/evil.example/a.png" has no "//" after its scheme',
    '15:33: […](…): href="https:evil.example/x" has no "//" after its scheme',
    '15:64: <img> src="/favicon.svg?" adds a query or fragment to an image',
  ],
  'malformed-urls.mdx': [
    '9:1: […](…): href="#%E0%A4%A" holds the percent-escape "%E0%A4%A", which spells no text',
    '9:28: […](…): href="/introduction/%ZZ/" holds the percent-escape "%ZZ"',
    '9:61: […](…): href="http://[::1" is not an address a browser can follow: the URL parser rejects it',
  ],
  // 40 images of Pyodide's WebAssembly: 6.5 MB a view, which `npm run size` did not see.
  'site-files-as-images.mdx': [
    ...Array.from({ length: 40 }, (_, index) => `9:${6 + index * 46}: ${WASM} ${NOT_IMAGE}`),
    `11:1: ![…](…): src="/_astro/page.js" ${NOT_IMAGE}`,
    `11:28: ![…](…): src="/index.html" ${NOT_IMAGE}`,
    `11:54: <img> srcset="/pagefind/pagefind.js" ${NOT_IMAGE}`,
  ],
  // A heading's id, or a fragment link, that is one of the page's own landmarks or controls (the sidebar, the outline).
  'page-ids.mdx': [
    '9:1: the heading "Guide" would get the id "guide", which an element of the page itself has',
    '11:6: […](…): href="#toc" links to the page\'s own #toc, one of its landmarks or controls',
    '11:32: <a> href="#guide" links to the page\'s own #guide',
    '13:1: the heading "Footnote label" would get the id "footnote-label"',
  ],
  'repeated-image.mdx': [
    '9:73: /favicon.svg is shown 4 times or more in this note; a note may show one image at most 3 times',
    '11:1: ![…](…): src="/favicon.svg?v=2" adds a query or fragment to an image',
  ],
};

describe('content policy: each attack fixture is refused at its line, with what to write instead', () => {
  it('every fixture has its case here, and every case its fixture', () => {
    expect(readdirSync(fixtures).sort()).toEqual(Object.keys(attacks).sort());
  });

  for (const [name, expected] of Object.entries(attacks)) {
    it(name, () => {
      const found = fixture(name);
      expect(found).toHaveLength(expected.length);
      found.forEach((problem, index) => expect(problem.startsWith(expected[index]!), problem).toBe(true));
    });
  }
});

describe('content policy: what a note may write', () => {
  it('passes every note of the site', () => {
    const notes = 'content/notes';
    const files = readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((name) => /\.mdx?$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(fixtureless(join(notes, name)), name).toEqual([]);
  });

  it('passes Markdown, code, literal MDX expressions and allowed HTML', () => {
    const md = [
      '[a page](/introduction/c10k/) and [a work](https://example.org/) and [mail](mailto:a@example.org)',
      '![a picture](/favicon.svg) and <img src="data:image/png;base64,AAAA" alt="">',
      'Code `<script>alert(1)</script>` stays text, and so does this:',
      '```html\n<script>alert(1)</script>\n<a href="javascript:alert(1)">x</a>\n```',
      '<details><summary>More</summary>\n\n<kbd>Ctrl</kbd>+<kbd>K</kbd>, H<sub>2</sub>O, <a href="#top" title="up">top</a>\n\n</details>',
      '<!-- a comment -->',
    ].join('\n\n');
    expect(problemsIn('note.md', md)).toEqual([]);
    const mdx = [
      "Braces {'{'} and {'}'}, a number {42}, a template {`text`}, {/* a comment */} and \\{ escaped \\}.",
      '<span title="a title" lang="fr" className="">span</span> <abbr title={"Input/Output"}>I/O</abbr> <a href="#top">top</a>',
      '<img src="/favicon.svg" srcSet="/favicon.svg 2x" alt="icon" /> ![icon](/favicon.svg)',
      '<details open><summary>More</summary>text</details> <ol start="3"><li value="3">three</li></ol>',
      '<>fragment</>',
    ].join('\n\n');
    expect(problemsIn('note.mdx', mdx)).toEqual([]);
  });

  it('reports lines from the top of the file, frontmatter included', () => {
    const note = '---\ntitle: x\n---\n\nText.\n\n<script>x</script>\n';
    expect(problemsIn('note.md', note)[0]).toMatch(/^7:1: <script>/);
    expect(problemsIn('note.mdx', note)[0]).toMatch(/^7:1: <script>/);
  });

  it('leaves a file MDX cannot parse to the build, which reports its syntax error', () => {
    expect(problemsIn('note.mdx', 'a { stray brace\n\n<script>x</script>')).toEqual([]);
  });
});

/** Problems of a file as the build's check reads it. */
function fixtureless(path: string): string[] {
  return policyProblems(path, readFileSync(path, 'utf8')).map((problem) => problem.message);
}

describe('content policy rules', () => {
  it('reads a URL as the browser does: tabs and newlines dropped, control characters and spaces trimmed', () => {
    expect(normalizeUrl(' \u0001 java\tscr\nipt:alert(1) \u0000')).toBe('javascript:alert(1)');
  });

  it('refuses script and document schemes in any case, any scheme but http(s)/mailto/source, and loads from elsewhere', () => {
    expect(urlProblem('href', 'JAVASCRIPT:alert(1)')).toMatch(/runs script/);
    expect(urlProblem('href', '\u0000javascript:alert(1)')).toMatch(/runs script/);
    expect(urlProblem('formaction', 'vbscript:x')).toMatch(/runs script/);
    expect(urlProblem('href', 'data:image/png;base64,AAAA')).toMatch(/data: URL/);
    expect(urlProblem('src', 'data:image/svg+xml,<svg/>')).toMatch(/data: URL/);
    expect(urlProblem('srcset', '/a.png 1x, javascript:alert(1) 2x')).toMatch(/runs script/);
    expect(urlProblem('href', 'file:///etc/passwd')).toMatch(/"file:" scheme/);
    expect(urlProblem('src', '//example.com/x.png')).toMatch(/loads from another site/);
    expect(urlProblem('ping', 'https://example.com/track')).toMatch(/loads from another site/);
    expect(urlProblem('src', 'data:image/png;base64,AAAA')).toBeUndefined();
    expect(urlProblem('href', 'https://example.org/')).toBeUndefined();
    expect(urlProblem('href', 'source:kegel-c10k')).toBeUndefined();
    expect(urlProblem('src', '/favicon.svg')).toBeUndefined();
  });

  it('allows listed elements only; components need the (empty) allow-list', () => {
    expect(elementProblem('kbd')).toBeUndefined();
    // In MDX a capitalised name is a component, whatever HTML element it spells (raw HTML is lower-cased first).
    expect(elementProblem('TABLE')).toMatch(/is a component/);
    expect(elementProblem('video')).toMatch(/<video> is not allowed in a note/);
    expect(elementProblem('Chart')).toMatch(/is a component/);
    expect(elementProblem('ui.Chart')).toMatch(/is a component/);
  });
});

describe('feature markup written by hand (the snippets check of the last round, now a rule of the policy)', () => {
  const handWritten = 'tests/fixtures/snippets/hand-written';
  const problems = (name: string) =>
    policyProblems(join(handWritten, name), readFileSync(join(handWritten, name), 'utf8')).map(
      (problem) => `${problem.line}:${problem.column}: ${problem.message}`,
    );

  it('refuses snippet attributes and classes, plain or in JSX, and says what to write instead', () => {
    const jsx = problems('jsx.mdx');
    expect(jsx).toEqual([
      expect.stringMatching(/^7:6: class="snippet" on <div>/),
      expect.stringMatching(
        /^7:26: data-snippet-js= on <div> is a runnable snippet's hook: Run would execute code that is not shown\. Write a ```ts run block followed by its ```text output block instead\.$/,
      ),
      expect.stringMatching(/^9:14: data-snippet-js= on <span> is a runnable snippet's hook/),
      expect.stringMatching(/^11:10: a spread attribute/),
      // A class of its own is no safer: the allow-list has none.
      expect.stringMatching(/^13:6: class="snippets-list" on <div>/),
    ]);
  });

  it('throws one ContentError naming file:line:column when not collecting a build’s problems', () => {
    const path = join(handWritten, 'jsx.mdx');
    const note = parseNote(path, readFileSync(path, 'utf8'));
    expect(() => unified().use(remarkContentPolicy).runSync(note.tree, note.file)).toThrow(ContentError);
  });
});

describe('a note’s weight', () => {
  /** The problems of `text` with `public/` holding `files` (site path → bytes). */
  function weighed(text: string, files: Record<string, Uint8Array>): string[] {
    const publicDir = mkdtempSync(join(tmpdir(), 'policy-public-'));
    try {
      for (const [path, bytes] of Object.entries(files)) writeFileSync(join(publicDir, path), bytes);
      const note = parseNote('note.mdx', text);
      unified().use(remarkContentPolicy, { publicDir }).runSync(note.tree, note.file);
      return [];
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return error.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
    } finally {
      rmSync(publicDir, { recursive: true, force: true });
    }
  }
  // Random bytes do not compress: a file of n bytes weighs about n in gzip.
  let seed = 7;
  const incompressible = (size: number) =>
    Uint8Array.from({ length: size }, () => (seed = (seed * 48271) % 2147483647) & 0xff);
  const budget = PAGE_MEDIA_KB * 1000;

  it('passes images under the page’s media budget, each file counted once however often it is shown', () => {
    const half = incompressible(budget / 2);
    expect(weighed('![a](/a.png) ![a again](/a.png) <img src="/b.webp" alt="" />', { 'a.png': half })).toEqual([]);
  });

  it('refuses the image that takes the note over the budget, naming the heaviest files', () => {
    const files = { 'a.png': incompressible(budget / 2), 'b.png': incompressible(budget / 2 + 2000) };
    const [problem, ...rest] = weighed('![a](/a.png)\n\n<img srcSet="/b.png 2x" alt="" />', files);
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      new RegExp(
        `^3:6: the note's images reach 20\\d\\.\\d kB gz here, over the page's ${PAGE_MEDIA_KB}\\.0 kB media budget \\(src/core/budget\\.ts\\), which every reader downloads: /b\\.png 10\\d\\.\\d kB, /a\\.png 10\\d\\.\\d kB\\.`,
      ),
    );
  });
});

describe('content policy rules: addresses as the browser reads them, attributes by allow-list', () => {
  it('reads backslashes, tabs, entities and escapes as the WHATWG URL parser does', () => {
    expect(urlProblem('href', '\\\\evil.example/x')).toMatch(/another site, evil\.example/);
    expect(urlProblem('href', '/\\evil.example/x')).toMatch(/another site, evil\.example/);
    expect(urlProblem('href', '/\t/evil.example/x')).toMatch(/another site, evil\.example/);
    expect(urlProblem('href', 'https:\\\\evil.example/x')).toMatch(/holds a backslash/);
    expect(urlProblem('href', 'https://example.org\\@evil.example/')).toMatch(/holds a backslash/);
    expect(urlProblem('href', '/intro/\n/c10k/')).toMatch(/holds a tab or line break/);
    expect(urlProblem('src', 'https:/evil.example/a.png')).toMatch(/no "\/\/" after its scheme/);
    expect(urlProblem('href', 'HTTPS://example.org/')).toBeUndefined();
    expect(urlProblem('src', '//evil.example/a.png')).toMatch(/loads from another site/);
    expect(urlProblem('srcset', '/a.png 1x, \\\\evil.example/a.png 2x')).toMatch(/loads from another site/);
    expect(urlProblem('href', '#%E0%A4%A')).toMatch(/percent-escape "%E0%A4%A"/);
    expect(urlProblem('href', 'http://[')).toMatch(/the URL parser rejects it/);
    // A query may hold a backslash: browsers leave it there.
    expect(urlProblem('href', 'https://example.org/search?q=a\\b')).toBeUndefined();
    expect(urlProblem('href', '#%C3%A9t%C3%A9')).toBeUndefined();
    expect(urlProblem('href', '../c10k/#the-problem')).toBeUndefined();
  });

  it('takes as images only image files of the site, each by its plain path', () => {
    expect(imageProblem('src', '/pyodide/pyodide.asm.wasm')).toMatch(/is not an image/);
    expect(imageProblem('src', '/a/%2e%2e/_astro/page.js')).toMatch(/is not an image/);
    expect(imageProblem('srcset', '/a.png 1x, /b.json 2x')).toMatch(/is not an image/);
    expect(imageProblem('src', '/a.png?1')).toMatch(/query or fragment/);
    expect(imageProblem('src', '/a.png?')).toMatch(/query or fragment/);
    expect(imageProblem('src', '/figures/A.PNG')).toBeUndefined();
    expect(imageProblem('src', 'data:image/png;base64,AAAA')).toBeUndefined();
  });

  it('allows only the attributes a note needs, on the elements that need them', () => {
    expect(attributeProblems('abbr', 'title', 'x')).toEqual([]);
    expect(attributeProblems('td', 'colspan', '2')).toEqual([]);
    expect(attributeProblems('span', 'colspan', '2')).toEqual([
      expect.stringMatching(/^colspan= on <span> is not an attribute a note may use on <span>/),
    ]);
    expect(attributeProblems('a', 'target', '_blank')).toEqual([expect.stringMatching(/is not an attribute/)]);
    // A zero-size image would show readers nothing of an alt text that search indexes.
    expect(attributeProblems('img', 'width', '0')).toEqual([expect.stringMatching(/is not an attribute/)]);
    // An image map is not an image: one message, about the attribute.
    expect(attributeProblems('img', 'usemap', '#m')).toEqual([expect.stringMatching(/^usemap= on <img> is not an/)]);
    expect(attributeProblems('div', 'className', 'toc', 'class')).toEqual([expect.stringMatching(/class="toc"/)]);
    // A refused element is reported once, not again for each of its attributes.
    expect(attributeProblems('button', 'data-theme-toggle', '')).toEqual([]);
  });
});

describe('the ids of the page', () => {
  it('lists every id the .astro files of the site write, and the footnote heading of GFM', () => {
    const astro = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.astro'));
    const written = astro.flatMap((name) =>
      [...readFileSync(join('src', name), 'utf8').matchAll(/\bid="([^"{]+)"/g)].map((match) => match[1]!),
    );
    expect(written.length).toBeGreaterThan(3);
    expect([...PAGE_IDS].sort()).toEqual([...new Set([...written, 'footnote-label'])].sort());
  });
});
