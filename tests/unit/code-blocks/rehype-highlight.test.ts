import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { rehypeHighlight } from '../../../src/features/code-blocks/rehype-highlight';
import { codeStyleClasses } from '../../../src/features/code-blocks/shiki-style-classes';

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
  '```',
  'no language at all',
  '```',
].join('\n');

const render = async (markdown: string, styles = codeStyleClasses()) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeHighlight, { transformers: [styles] })
      .use(rehypeStringify)
      .process(markdown),
  );

describe('rehypeHighlight', () => {
  it('colours every block with classes, no inline style, each block naming its language', async () => {
    const styles = codeStyleClasses();
    const html = await render(MARKDOWN, styles);
    expect(html.match(/<pre /g)).toHaveLength(4);
    expect(html).not.toContain('style=');
    for (const language of ['ts', 'python', 'text', 'plaintext']) expect(html).toContain(`data-language="${language}"`);
    // Keywords get a colour class of their own, and the classes the page uses are the ones the transformer collected.
    expect(html).toMatch(/<span class="sh-\w+">async<\/span>/);
    const used = new Set([...html.matchAll(/\bsh-\w+/g)].map(([name]) => name));
    expect([...styles.getClassRegistry().keys()].sort()).toEqual([...used].sort());
  });

  it('colours a language Shiki does not know as plain text', async () => {
    const html = await render('```no-such-language\nlet a = 1\n```');
    expect(html).toContain('data-language="plaintext"');
    expect(html).toContain('<span class="line">');
  });

  it('fills only the style registry it was given', async () => {
    const mine = codeStyleClasses();
    const other = codeStyleClasses();
    await render(MARKDOWN, mine);
    expect(mine.getClassRegistry().size).toBeGreaterThan(3);
    expect(other.getClassRegistry().size).toBe(0);
  });

  it('colours a line completely even when the machine stalls mid-line', async () => {
    const code = '```ts\nasync function work(urls: string[]) { return urls.map((url) => url.length); }\n```';
    const reference = await render(code);
    // A busy machine, made deterministic: every clock read is a second later than the last, so Shiki's default
    // 500 ms per-line limit would trip on its first check and leave the rest of the line one colour.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      expect(await render(code)).toBe(reference);
    } finally {
      clock.mockRestore();
    }
  });
});
