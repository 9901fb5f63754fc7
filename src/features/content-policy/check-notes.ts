import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { remarkNativeParse } from '../../markdown/native-parse';
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
  // The build's parser, so the check reads the tree the build checks and renders.
  processor.use(remarkNativeParse).use(remarkContentPolicy);
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
