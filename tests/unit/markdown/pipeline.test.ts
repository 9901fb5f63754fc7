import { describe, expect, it } from 'vitest';
import { codeStyleClasses } from '../../../src/features/code-blocks/shiki-style-classes';
import { NoteProblems } from '../../../src/features/notes/render-problems';
import { markdownProcessor, type PipelineState } from '../../../src/markdown/pipeline';

const NOTE = [
  '---',
  'title: A note',
  '---',
  '',
  '## Waiting',
  '',
  '```python',
  'import asyncio',
  'await asyncio.sleep(1)',
  '```',
  '',
].join('\n');

/** `text` compiled as @astrojs/mdx compiles a note with the site's processor: the module's JavaScript. */
async function compile(state: PipelineState, text: string, path = 'content/notes/a.mdx'): Promise<string> {
  const renderer = await markdownProcessor(state).createMdxRenderer!(
    { syntaxHighlight: false, shikiConfig: {}, gfm: false, smartypants: false },
    { optimize: true, srcDir: new URL('../../../src/', import.meta.url) },
  );
  const frontmatterEnd = text.indexOf('\n---\n') + 5;
  // @astrojs/mdx hands the compiler the body with the frontmatter blanked: positions stay the file's.
  const body = text.slice(0, frontmatterEnd).replace(/[^\n]/g, ' ') + text.slice(frontmatterEnd);
  return (await renderer.process(body, path, {})).code;
}

describe('the MDX pipeline', () => {
  it('highlights code with the style classes it was handed, and no inline style', async () => {
    const codeStyles = codeStyleClasses();
    const code = await compile({ codeStyles }, NOTE);
    expect(code).toContain('data-language=\\"python\\"');
    expect(code).not.toMatch(/style=/);
    const used = new Set([...code.matchAll(/\bsh-\w+/g)].map(([name]) => name));
    expect(used.size).toBeGreaterThan(2);
    expect([...codeStyles.getClassRegistry().keys()].sort()).toEqual([...used].sort());
  });

  it('stops a refused note at once outside a build', async () => {
    const refused = `${NOTE}\n<iframe src="https://example.org/" />\n`;
    await expect(compile({ codeStyles: codeStyleClasses() }, refused)).rejects.toThrow(
      /content\/notes\/a\.mdx:12:1: <iframe> is not allowed in a note/,
    );
    // A list that is not collecting (astro dev) changes nothing.
    await expect(
      compile({ codeStyles: codeStyleClasses(), noteProblems: new NoteProblems() }, refused),
    ).rejects.toThrow(/<iframe> is not allowed/);
  });

  it('in a build, records a refused note in the list it was handed and compiles it empty', async () => {
    const noteProblems = new NoteProblems();
    noteProblems.collect();
    const code = await compile(
      { codeStyles: codeStyleClasses(), noteProblems },
      `${NOTE}\n<iframe src="https://example.org/" />\n`,
    );
    expect(code).not.toContain('asyncio');
    expect(code).not.toContain('iframe');
    const where = noteProblems.all().map(({ file, line, column }) => `${file}:${line}:${column}`);
    expect(where).toEqual(['content/notes/a.mdx:12:1', 'content/notes/a.mdx:12:9']);
  });
});
