import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { expect, it } from 'vitest';
import { markdownProcessor } from '../../../src/markdown/pipeline';
import { markdownNoteFailures } from '../../../src/features/notes/markdown-notes';

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

type Hooks = Required<AstroIntegration['hooks']>;

it('renders a .md note from the top of its file, and fails the build on it until it renders again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-notes-'));
  try {
    const rendered = await renderMd(dir, 'fine.md', note('Text with a [link](/x/).'));
    expect(rendered.code).toContain('<a href="/x/">link</a>');

    const failing = renderMd(dir, 'bad.md', note('Text.\n\n<script>alert(1)</script>'));
    // Line 11 of the file: the 9 lines of frontmatter and blank line count.
    await expect(failing).rejects.toThrow(/bad\.md:11:1: <script> is not allowed in a note/);

    const integration = markdownNoteFailures();
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    const logger = { info: () => undefined };
    const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
    const start = integration.hooks['astro:build:start'] as Hooks['astro:build:start'];
    setup({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, logger });
    expect(() => start({} as never)).toThrow(/A note problem needs fixing:\n.*bad\.md:11:1: <script>/);

    // The next build drops Astro's content cache, which still holds the failed, empty page.
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    setup({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, logger });
    expect(existsSync(join(cacheDir, 'data-store.json'))).toBe(false);

    await renderMd(dir, 'bad.md', note('Text, fixed.'));
    expect(() => start({} as never)).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
