import { rehypeShiki } from '@astrojs/markdown-remark';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rehypeHighlight, useHighlightCache } from '../../../src/features/code-blocks/rehype-highlight';
import { shikiStyleClasses } from '../../../src/features/code-blocks/shiki-style-classes';
import { shikiConfig } from '../../../src/markdown/pipeline';

const MARKDOWN = [
  '```ts',
  'async function fetchAll(urls: string[]): Promise<number[]> {',
  '  // sizes, in order',
  '  return Promise.all(urls.map(async (url) => (await fetch(url)).status));',
  '}',
  '```',
  '',
  '```python title="gather.py"',
  'import asyncio',
  'async def main() -> None:',
  '    await asyncio.gather(*(asyncio.sleep(0.1) for _ in range(3)))',
  '```',
  '',
  '```text',
  'done after 100 ms',
  '```',
  '',
  '```diff',
  '- await one()',
  '+ await asyncio.gather(one(), two())',
  '```',
  '',
  '```',
  'no language at all',
  '```',
].join('\n');

const render = async (plugins: PluggableList, markdown = MARKDOWN) =>
  String(await unified().use(remarkParse).use(remarkRehype).use(plugins).use(rehypeStringify).process(markdown));

describe('rehypeHighlight', () => {
  const dirs: string[] = [];
  afterEach(() => {
    useHighlightCache(undefined);
    shikiStyleClasses.clearRegistry();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the HTML Astro’s own Shiki plugin writes, byte for byte', async () => {
    const ours = await render([[rehypeHighlight, shikiConfig]]);
    const astro = await render([[rehypeShiki, shikiConfig]]);
    expect(ours).toContain('data-language="python"');
    expect(ours).toBe(astro);
  });

  it('falls back to plain text for a language Shiki does not know, as Astro does', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const markdown = '```no-such-language\nlet a = 1\n```';
      const ours = await render([[rehypeHighlight, shikiConfig]], markdown);
      expect(ours).toContain('data-language="plaintext"');
      expect(ours).toBe(await render([[rehypeShiki, shikiConfig]], markdown));
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a block it has seen back from the cache, token styles included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
    dirs.push(dir);
    useHighlightCache(dir);
    const first = await render([[rehypeHighlight, shikiConfig]]);
    const files = readdirSync(dir);
    expect(files).toHaveLength(5);
    const styles = [...shikiStyleClasses.getClassRegistry()];
    expect(styles.length).toBeGreaterThan(3);

    // A later build: an empty style registry, and one entry changed on disk to prove it is read, not recomputed.
    shikiStyleClasses.clearRegistry();
    const entry = files.map((file) => join(dir, file)).find((file) => readFileSync(file, 'utf8').includes('fetchAll'))!;
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('fetchAll', 'fromTheCache'));
    const second = await render([[rehypeHighlight, shikiConfig]]);
    expect(second).toBe(first.replace('fetchAll', 'fromTheCache'));
    expect([...shikiStyleClasses.getClassRegistry()].sort()).toEqual(styles.sort());
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('highlights a block again when its cache file is half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
    dirs.push(dir);
    useHighlightCache(dir);
    const first = await render([[rehypeHighlight, shikiConfig]]);
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
    }
    useHighlightCache(dir);
    expect(await render([[rehypeHighlight, shikiConfig]])).toBe(first);
  });

  it('highlights a changed block again instead of reusing its old entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
    dirs.push(dir);
    useHighlightCache(dir);
    await render([[rehypeHighlight, shikiConfig]]);
    const edited = await render([[rehypeHighlight, shikiConfig]], MARKDOWN.replace('fetchAll', 'fetchEvery'));
    expect(edited).toContain('fetchEvery');
    expect(edited).not.toContain('fetchAll');
    expect(readdirSync(dir)).toHaveLength(6);
  });
});
