import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import { shikiNoTimeLimit } from '../../src/markdown/shiki-no-time-limit';
import { shikiConfig } from '../../src/markdown/pipeline';

describe('shikiNoTimeLimit', () => {
  it('turns off the tokenizer time limit for every block the pipeline highlights', () => {
    const options: { tokenizeTimeLimit?: number } = {};
    shikiNoTimeLimit.preprocess?.call({} as never, 'let a = 1;', options as never);
    expect(options.tokenizeTimeLimit).toBe(0);
    expect(shikiConfig.transformers).toContain(shikiNoTimeLimit);
  });

  it('colours a line completely even when tokenizing it is slow', async () => {
    const highlighter = await createHighlighter({ themes: ['github-light'], langs: ['ts'] });
    const code = 'async function work(urls: string[]) { return urls; }';
    // A 1 ms limit stands in for a busy machine: without our transformer Shiki may stop mid-line.
    const html = (transformers: never[]) =>
      highlighter.codeToHtml(code, { lang: 'ts', theme: 'github-light', tokenizeTimeLimit: 1e-9, transformers });
    const reference = highlighter.codeToHtml(code, { lang: 'ts', theme: 'github-light', tokenizeTimeLimit: 0 });
    expect(html([]), 'the limit cuts the line short without the transformer').not.toBe(reference);
    expect(html([shikiNoTimeLimit as never])).toBe(reference);
  });
});
