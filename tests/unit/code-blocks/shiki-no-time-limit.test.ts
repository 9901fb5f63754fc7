import { createHighlighter, type ShikiTransformer } from 'shiki';
import { describe, expect, it, vi } from 'vitest';
import { shikiNoTimeLimit } from '../../../src/features/code-blocks/shiki-no-time-limit';
import { shikiConfig } from '../../../src/markdown/pipeline';

describe('shikiNoTimeLimit', () => {
  it('turns off the tokenizer time limit for every block the pipeline highlights', () => {
    const options: { tokenizeTimeLimit?: number } = {};
    shikiNoTimeLimit.preprocess?.call({} as never, 'let a = 1;', options as never);
    expect(options.tokenizeTimeLimit).toBe(0);
    expect(shikiConfig.transformers).toContain(shikiNoTimeLimit);
  });

  it('colours a line completely even when the machine stalls mid-line', async () => {
    const highlighter = await createHighlighter({ themes: ['github-light'], langs: ['ts'] });
    const code = 'async function work(urls: string[]) { return urls; }';
    // The truth: no limit at all (the default 500 ms can itself trip here while the grammar compiles on a busy machine).
    const reference = highlighter.codeToHtml(code, { lang: 'ts', theme: 'github-light', tokenizeTimeLimit: 0 });
    // A busy machine, made deterministic: every clock read is a second later than the last,
    // so Shiki's default 500 ms per-line limit trips on the first check.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      const html = (transformers: ShikiTransformer[]) =>
        highlighter.codeToHtml(code, { lang: 'ts', theme: 'github-light', transformers });
      expect(html([]), 'without the transformer the line is cut short').not.toBe(reference);
      expect(html([shikiNoTimeLimit])).toBe(reference);
    } finally {
      clock.mockRestore();
    }
  });
});
