/**
 * `npm run bench:dev [-- --notes 1000 --edits 7]`: how long `npm run dev`
 * takes to show a saved change to one note, with a site of that many notes.
 * Generates the synthetic notes (synthetic-notes.ts) into a scratch content
 * tree, starts `astro dev` on it, opens one note in Chromium, then edits a
 * sentence of that note on disk several times and measures save → the new
 * words in the page's DOM (whatever Astro does in between: HMR or a reload).
 * Prints the first edit (Astro compiles the note's module cold) and the median
 * of the rest.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { syntheticNotes, syntheticRegistry } from './synthetic-notes.ts';
import { median } from '../lib/median.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, freePort } from '../lib/chromium.ts';

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '1000' }, edits: { type: 'string', default: '7' } },
});
const count = Number(values.notes);
const edits = Number(values.edits);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(edits) || edits < 2)
  throw new Error(`--notes takes a whole number ≥ 1 and --edits one ≥ 2; got ${values.notes} and ${values.edits}`);

const root = mkdtempSync(join(tmpdir(), `asyncio-dev-${count}-`));
const contentDir = join(root, 'content');
const notes = syntheticNotes(count);
for (const note of [syntheticRegistry(), ...notes]) {
  const path = join(contentDir, note.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, note.source);
}
// A note in the middle of the site; its URL is its path without the notes/ folder and the extension.
const target = notes[Math.floor(count / 2)]!;
const targetFile = join(contentDir, target.path);
const targetUrl = `/${target.path.replace(/^notes\//, '').replace(/\.mdx$/, '')}/`;

const port = await freePort();
const started = performance.now();
const server = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
  {
    env: { ...process.env, CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let log = '';
server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
const origin = `http://127.0.0.1:${port}`;
try {
  for (let ready = false; !ready;) {
    if (server.exitCode !== null) throw new Error(`astro dev exited:\n${log.slice(-3000)}`);
    if (performance.now() - started > 600_000)
      throw new Error(`astro dev did not answer in 10 minutes:\n${log.slice(-3000)}`);
    ready = await fetch(`${origin}${targetUrl}`).then(
      (response) => response.ok,
      () => false,
    );
    if (!ready) await new Promise((wait) => setTimeout(wait, 500));
  }
  const readyMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  await page.goto(`${origin}${targetUrl}`, { waitUntil: 'load' });
  const original = readFileSync(targetFile, 'utf8');
  // The first paragraph after the frontmatter: every synthetic note has one.
  const paragraph = original.split('\n\n')[1]!;
  const spent: number[] = [];
  for (let edit = 1; edit <= edits; edit++) {
    const token = `Edited${edit}x${Date.now()}`;
    const seen = page.waitForFunction((word) => document.body.innerText.includes(word), token, {
      polling: 'raf',
      timeout: 120_000,
    });
    const saved = performance.now();
    writeFileSync(targetFile, original.replace(paragraph, `${token} ${paragraph}`));
    await seen;
    spent.push(performance.now() - saved);
    // Let the dev server settle before the next save.
    await page.waitForTimeout(1000);
  }
  writeFileSync(targetFile, original);
  await browser.close();
  const [first, ...rest] = spent;
  console.log(`astro dev with ${count} notes: first page served after ${(readyMs / 1000).toFixed(1)} s`);
  console.log(
    `save → new words in the page's DOM, Chromium: first edit ${first!.toFixed(0)} ms, median of the next ${rest.length} ${median(rest).toFixed(0)} ms`,
  );
  console.log(`  all: ${spent.map((ms) => ms.toFixed(0)).join(', ')} ms`);
} finally {
  server.kill();
  rmSync(root, { recursive: true, force: true });
}
