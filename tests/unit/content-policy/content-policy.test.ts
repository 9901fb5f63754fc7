import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyProblems } from '../../../src/features/content-policy/check-notes';
import { elementProblem, normalizeUrl, urlProblem } from '../../../src/features/content-policy/rules';

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
const NOT_MARKDOWN_LINK =
  'is a link written as HTML or JSX, which the source registry and the base path do not see. Write it as a Markdown link';

/** Each attack under tests/fixtures/content-policy/notes, and where and how it is refused (lines from the file's top). */
const attacks: Record<string, string[]> = {
  'script.md': ['9:1: <script> is not allowed in a note: it runs code'],
  'onerror-in-table-cell.md': ["11:10: onerror= on <img> runs script in the reader's browser"],
  'onload-upper-case.md': ['9:1: onload= on <img> runs script'],
  'meta-refresh.md': ['9:1: <meta> is not allowed in a note: it can redirect', '9:1: http-equiv= on <meta>'],
  'form.md': [
    '9:1: <form> is not allowed in a note: it submits',
    '9:58: <input> is not allowed',
    '9:81: <button> is not allowed',
  ],
  'iframe.md': [
    '9:1: <iframe> is not allowed in a note: it embeds',
    '9:1: <iframe> src="https://example.com/" loads from another site',
  ],
  'object-embed.md': ['9:1: <object> is not allowed in a note', '11:1: <embed> is not allowed in a note'],
  'base.md': [
    '9:1: <base> is not allowed in a note: it redirects every relative link',
    `9:1: <base href="https://example.com/"> ${NOT_MARKDOWN_LINK}`,
  ],
  'javascript-tab-entity.md': [`9:7: <a> href="java\\tscript:alert(1)" ${RUNS_SCRIPT}`],
  'javascript-newline.md': [`9:7: <a> href="jav\\nascript:alert(1)" ${RUNS_SCRIPT}`],
  'svg-script.md': ['9:1: <svg> is not allowed in a note', '9:6: <script> is not allowed in a note'],
  'math-link.md': [
    '9:1: <math> is not allowed',
    '9:7: <mi> is not allowed',
    `9:7: <mi> xlink:href="javascript:alert(1)" ${RUNS_SCRIPT}`,
  ],
  'data-urls.md': [
    '9:1: <a> href="data:text/html,<script>alert(1)</script>" is a data: URL',
    '11:1: <img> src="data:image/svg+xml,<svg onload=alert(1)>" is a data: URL',
  ],
  'split-attribute.md': ['11:1: <script> is not allowed in a note'],
  'html-external-link.md': [
    `9:6: <a href="https://example.org/unregistered"> ${NOT_MARKDOWN_LINK}: [text](https://example.org/unregistered).`,
  ],
  'markdown-javascript-link.md': [
    `9:1: […](…): href="javascript:alert(1)" ${RUNS_SCRIPT}`,
    `9:34: […](…): href="JaVaScRiPt:alert(1)" ${RUNS_SCRIPT}`,
    '9:73: ![…](…): src="data:text/html,hi" is a data: URL',
    `11:14: […](…): href="javascript:alert(1)" ${RUNS_SCRIPT}`,
    `13:1: […](…): href="vbscript:msgbox(1)" ${RUNS_SCRIPT}`,
  ],
  // No MDX or HTML syntax: parsed by Sätteri, as in the build (src/markdown/native-parse.ts).
  'markdown-scheme-links-native.mdx': [
    `9:1: […](…): href="javascript:alert(1)" ${RUNS_SCRIPT}`,
    `9:34: […](…): href="JaVaScRiPt:alert(1)" ${RUNS_SCRIPT}`,
    '9:73: ![…](…): src="data:text/html,hi" is a data: URL',
    `13:1: […](…): href="vbscript:msgbox(1)" ${RUNS_SCRIPT}`,
  ],
  'remote-image.md': [
    '9:1: <img> src="https://example.com/pixel.gif" loads from another site',
    '11:1: ![…](…): src="https://example.com/pixel.gif" loads from another site',
  ],
  'template-script.md': ['9:1: <template> is not allowed', '9:11: <script> is not allowed'],
  'comment-breakout.md': ['9:6: <script> is not allowed in a note'],
  'unquoted-entity.md': [`9:1: <a> href="javascript:alert(1)" ${RUNS_SCRIPT}`],
  // The browser parses a noscript's content as text and lets the image out; the whole element is refused.
  'noscript-breakout.md': ['9:1: <noscript> is not allowed in a note'],
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
      '<span title="a title" className="x">span</span> <abbr title={"Input/Output"}>I/O</abbr> <a href="#top">top</a>',
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
