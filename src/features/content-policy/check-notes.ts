import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { contentDir } from '../../core/content-dir';
import { noteFiles } from '../../core/content-dir';
import { blankFrontmatter } from '../notes/markdown-notes';
import { remarkContentPolicy } from './remark-content-policy';

/**
 * The content policy's problems in one note file (`file` relative to the project), lines counted from the top of
 * the file. A file MDX cannot parse has none here: the build reports its syntax error.
 */
export function policyProblems(file: string, text: string): ContentProblem[] {
  // Blank, not cut, the frontmatter: positions stay those of the file.
  const content = blankFrontmatter(text);
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  processor.use(remarkContentPolicy);
  const vfile = new VFile({ path: file, value: content });
  let tree;
  try {
    tree = processor.parse(vfile);
  } catch {
    return [];
  }
  try {
    processor.runSync(tree, vfile);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
  return [];
}

/** Every note's policy problems, in file order. */
export function checkNotesPolicy(root: string = contentDir()): ContentProblem[] {
  return noteFiles(join(root, 'notes')).flatMap((path) =>
    policyProblems(relative(process.cwd(), path), readFileSync(path, 'utf8')),
  );
}

/**
 * Fails `astro build` before anything renders when a note breaks the content policy (src/features/content-policy/
 * rules.ts), listing every problem in every note at once; the pipeline's plugin stops the same markup note by note,
 * in `astro dev` too, where this only warns (as in `astro preview` and `astro check`) so a half-typed note does not
 * stop the server.
 */
export function contentPolicy(): AstroIntegration {
  return {
    name: 'asyncio-notes:content-policy',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = checkNotesPolicy();
        if (problems.length === 0) return;
        const error = new ContentError('content-policy problem', problems, { shown: Infinity });
        if (command === 'build') throw error;
        logger.warn(error.message);
      },
    },
  };
}
