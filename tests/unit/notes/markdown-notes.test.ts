import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { expect, it } from 'vitest';
import { markdownProcessor } from '../../../src/markdown/pipeline';
import { failOnNoteProblems } from '../../../src/features/notes/render-problems';

const note = (body: string) =>
  `---\ntitle: A note\ndescription: x\nsection: S\norder: 1\nupdated: 2026-11-25\n---\n\n${body}\n`;

/** Renders a `.md` note as Astro's content layer does: its trimmed body, without the frontmatter. */
async function renderMd(dir: string, name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const renderer = await markdownProcessor().createRenderer({});
  const body = text.slice(text.indexOf('\n---\n') + 5).trim();
  return renderer.render(body, { fileURL: pathToFileURL(path), frontmatter: {} });
}

const integration = failOnNoteProblems();

/** The integration's setup in `astro build`, and the check it adds to the prerender bundle. */
function buildWith(cacheDir: string): () => void {
  let plugin: Plugin | undefined;
  const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    command: 'build',
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    logger: { info: () => undefined },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => ([plugin] = config.vite.plugins),
  });
  const buildEnd = plugin?.buildEnd as (() => void) | undefined;
  if (!buildEnd) throw new Error('no check was added to the build');
  return () => buildEnd.call({} as never);
}

it('renders a .md note from the top of its file, and fails the build on it until it renders again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-notes-'));
  try {
    const rendered = await renderMd(dir, 'fine.md', note('Text with a [link](/x/).'));
    expect(rendered.code).toContain('<a href="/x/">link</a>');

    // Outside a build (astro dev, astro sync) the policy stops the note at once.
    const failing = renderMd(dir, 'bad.md', note('Text.\n\n<script>alert(1)</script>'));
    // Line 11 of the file: the 9 lines of frontmatter and blank line count.
    await expect(failing).rejects.toThrow(/bad\.md:11:1: <script> is not allowed in a note/);

    // In a build, a refused note compiles empty, and the build lists every note's problems once all are compiled.
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    const notesCompiled = buildWith(cacheDir);
    const bad = await renderMd(dir, 'bad.md', note('Text.\n\n<script>alert(1)</script>'));
    // Marked at once: a build stopped before its end (Ctrl-C) must not leave the empty page cached for the next.
    expect(existsSync(join(cacheDir, 'note-problems-failed'))).toBe(true);
    const second = await renderMd(dir, 'second.md', note('<iframe src="https://example.org/"></iframe>\n\nText.'));
    expect([bad.code, second.code]).toEqual(['', '']);
    expect(notesCompiled).toThrow(
      /3 note problems need fixing:\n.*bad\.md:11:1: <script>.*\n.*second\.md:9:1: <iframe>/,
    );
    // And again before the site is published, should the bundle's check ever not run.
    const buildDone = integration.hooks['astro:build:done'] as unknown as () => void;
    expect(buildDone).toThrow(/3 note problems need fixing:/);

    // The next build drops Astro's content cache, which still holds the failed, empty pages.
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    buildWith(cacheDir);
    expect(existsSync(join(cacheDir, 'data-store.json'))).toBe(false);

    await renderMd(dir, 'bad.md', note('Text, fixed.'));
    await renderMd(dir, 'second.md', note('Text, fixed.'));
    expect(notesCompiled).not.toThrow();
    expect(buildDone).not.toThrow();
    expect(existsSync(join(cacheDir, 'note-problems-failed'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
