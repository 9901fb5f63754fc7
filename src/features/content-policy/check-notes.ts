import { unified } from 'unified';
import { ContentError, type ContentProblem } from '../../core/content-error';
import { parseNote } from '../../markdown/parse-note';
import { remarkContentPolicy } from './remark-content-policy';

/**
 * The content policy's problems in one note file (`file` relative to the project), lines counted from the top of
 * the file, on the tree the build parses. A file MDX cannot parse has none here: the build reports its syntax error.
 */
export function policyProblems(file: string, text: string): ContentProblem[] {
  let note;
  try {
    note = parseNote(file, text);
  } catch {
    return [];
  }
  try {
    unified().use(remarkContentPolicy).runSync(note.tree, note.file);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
  return [];
}
