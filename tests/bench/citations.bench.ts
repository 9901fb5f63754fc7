/**
 * What citations cost the build: the Markdown pipeline over every note with and
 * without the citation plugin, and the link check over the built site.
 * Run with `npm run bench:citations` (after `npm run build` for the link check).
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { noteFiles } from '../../src/core/content-dir';
import { checkLinks } from '../../src/features/links/link-check';
import { rehypeCitations } from '../../src/features/citations/rehype-citations';

const inputs = noteFiles('content/notes').map((path) => ({ path, ...parseFrontmatter(readFileSync(path, 'utf8')) }));
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const cited = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeCitations, { sourcesPageHref: (id: string) => `/sources/#${id}` })
  .use(rehypeStringify);

const run = async (processor: typeof plain) => {
  for (const { path, content, frontmatter } of inputs) {
    await processor.process(new VFile({ path, value: content, data: { astro: { frontmatter } } }));
  }
};

describe(`Markdown pipeline over ${inputs.length} notes`, () => {
  bench('without citations', () => run(plain));
  bench('with citations', () => run(cited));
});

describe('built site', () => {
  bench('link check over dist/', async () => {
    await checkLinks('dist', { base: '/', site: 'https://asyncio-notes.example.org' });
  });
});
