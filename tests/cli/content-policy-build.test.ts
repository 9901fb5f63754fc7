/**
 * `astro build` on a site whose every note is an attack or a careless mistake (tests/fixtures/content-policy):
 * the build fails once the notes are compiled, before any page renders, listing every problem of every note with
 * file:line:column.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isolatedProject, localBin } from '../helpers/isolated-project';
import { formatContentProblem } from '../../src/core/content-error';
import { policyProblems } from '../../src/features/content-policy/check-notes';

/** `astro build` of a fixture tree in a copy of the project: its output, and whether it wrote a site. */
function build(tree: string): { output: string; built: boolean } {
  const project = isolatedProject('content', [tree]);
  try {
    const run = spawnSync(localBin('astro'), ['build'], {
      cwd: project.root,
      env: { ...process.env, CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).not.toMatch(/^\s+at /m);
    // Astro guesses hints from the words of an error ("document", "window"): none of them fits a content error.
    expect(output).not.toContain('Browser APIs are not available');
    return { output, built: existsSync(join(project.root, 'dist')) };
  } finally {
    project.dispose();
  }
}

it('fails the build on every attack fixture at once, each with file:line:column and no stack trace', () => {
  const tree = 'tests/fixtures/content-policy';
  const { output, built } = build(tree);
  const notes = `${tree}/notes`;
  // Every problem `npm run check` finds (each pinned in tests/unit/content-policy), and no other.
  const found = readdirSync(notes).flatMap((name) =>
    policyProblems(`${notes}/${name}`, readFileSync(`${notes}/${name}`, 'utf8')),
  );
  expect(output).toContain(`\n${found.length} note problems need fixing:\n`);
  for (const problem of found) expect(output).toContain(formatContentProblem(problem));
  for (const line of [
    `${notes}/script.mdx:9:1: <script> is not allowed in a note`,
    `${notes}/onerror-in-table-cell.mdx:11:41: onerror= on <img>`,
    `${notes}/meta-refresh.mdx:9:1: <meta> is not allowed in a note`,
    `${notes}/form.mdx:9:1: <form> is not allowed in a note`,
    `${notes}/iframe.mdx:9:1: <iframe> is not allowed in a note`,
    `${notes}/object-embed.mdx:11:1: <embed> is not allowed in a note`,
    `${notes}/base.mdx:9:1: <base> is not allowed in a note`,
    `${notes}/javascript-tab-entity.mdx:9:10: <a> href="java\\tscript:alert(1)" runs script`,
    `${notes}/svg-script.mdx:9:6: <script> is not allowed`,
    `${notes}/html-external-link.mdx:9:9: <a href="https://example.org/unregistered"> is a link written as HTML or JSX`,
    `${notes}/jsx-upper-case-href.mdx:9:9: <a HREF="https://example.org/unregistered"> is a link written as HTML or JSX`,
    `${notes}/jsx-javascript-href.mdx:9:4: <a> href="javascript:alert(1)" runs script`,
    `${notes}/mdx-fetch.mdx:9:9: {fetch("https://example.com/steal")} is JavaScript`,
    `${notes}/mdx-import.mdx:9:1: \`import Chart from`,
    `${notes}/set-html.mdx:9:6: set:html on <div>`,
    `${notes}/spread-attributes.mdx:9:6: a spread attribute`,
    // Markdown links in an `.mdx` note with no MDX or HTML syntax around them.
    `${notes}/markdown-scheme-links-native.mdx:9:1: […](…): href="javascript:alert(1)" runs script`,
    `${notes}/markdown-scheme-links-native.mdx:9:34: […](…): href="JaVaScRiPt:alert(1)" runs script`,
    `${notes}/markdown-scheme-links-native.mdx:9:73: ![…](…): src="data:text/html,hi" is a data: URL`,
    `${notes}/markdown-scheme-links-native.mdx:13:1: […](…): href="vbscript:msgbox(1)" runs script`,
    // Features' hooks written by hand, and addresses as the browser reads them (the policy's unit tests list all).
    `${notes}/comparison-table-hand-written.mdx:9:9: data-comparison-table= on <figure> is a comparison table's hook`,
    `${notes}/comparison-table-hand-written.mdx:9:93: id= on <table>: ids and names belong to the page`,
    `${notes}/hidden-text.mdx:11:6: popover= on <div> hides text from readers`,
    `${notes}/hidden-text.mdx:13:7: class="visually-hidden" on <span>`,
    `${notes}/search-weighting.mdx:9:7: data-pagefind-meta= on <span> is a hook of search indexing`,
    `${notes}/page-hooks.mdx:9:7: data-theme-toggle= on <span> is a hook of the page's scripts`,
    `${notes}/backslash-links.mdx:9:29: […](…): href="/\\\\evil.example/x" leaves out the scheme`,
    `${notes}/backslash-links.mdx:11:6: <img> src="\\\\\\\\evil.example/pixel.png" loads from another site`,
    `${notes}/malformed-urls.mdx:9:1: […](…): href="#%E0%A4%A" holds the percent-escape "%E0%A4%A"`,
    `${notes}/site-files-as-images.mdx:9:6: <img> src="/pyodide/pyodide.asm.wasm" is not an image`,
    `${notes}/repeated-image.mdx:9:73: /favicon.svg is shown 4 times or more in this note`,
  ]) {
    expect(output).toContain(line);
  }
  // One message per problem, every fixture named: nothing was built from them.
  for (const name of readdirSync(notes)) expect(output).toContain(`${notes}/${name}:`);
  expect(built).toBe(false);
});

it('lists refused notes together with a note whose content error stopped the bundle', () => {
  const notes = 'tests/fixtures/mixed-problems/notes';
  const { output, built } = build('tests/fixtures/mixed-problems');
  // In this order, one line each: the refused notes by file, then the note that stopped the bundle.
  const lines = [
    '4 note problems need fixing:',
    `${notes}/export-runs.mdx:9:1: \`export const ran = globalThis.process…\` is an import or export`,
    `${notes}/jsx-script.mdx:9:1: <script> is not allowed in a note`,
    `${notes}/script.mdx:9:1: <script> is not allowed in a note`,
    `${notes}/unknown-citation.mdx:13:1: [Source](source:kegel-c10) cites the unknown source id "kegel-c10"`,
  ];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(output).toMatch(new RegExp(lines.map(escape).join('[^\\n]*\\n')));
  expect(built).toBe(false);
  // A refused note compiles empty: its code never runs.
  expect(output).not.toContain('NOTE CODE RAN');
});
