import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeCodeWeight } from '../../../src/features/search/rehype-code-weight';

describe('search weight of code', () => {
  test('code blocks weigh less than prose in the index; inline code keeps the prose weight', () => {
    const tree = fromHtml('<p>Call <code>asyncio.sleep(0)</code>.</p><pre><code>await asyncio.sleep(0)</code></pre>', {
      fragment: true,
    });
    rehypeCodeWeight()(tree as never);
    expect(toHtml(tree)).toBe(
      '<p>Call <code>asyncio.sleep(0)</code>.</p><pre data-pagefind-weight="0.5"><code>await asyncio.sleep(0)</code></pre>',
    );
  });
});
