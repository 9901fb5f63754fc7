import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problemFile } from '../../core/content-error';
import { checkResumeAnchor, checkTable, tableProblemsError, type TableProblem } from './validate';

const HEADING = /^h[1-6]$/;

/**
 * The comparison tables' anchors against the page's headings. Heading ids exist only from the rehype stage on
 * (assignHeadingIds, first in the pipeline), after remarkComparisonTables rendered the tables, so that plugin
 * records each table and this one, listed after the ids are assigned, fails the build when a table, a row or the
 * anchor after a table takes a heading's id.
 */
export function rehypeTableAnchors() {
  return (tree: Root, file: VFile) => {
    const tables = file.data.comparisonTables ?? [];
    if (tables.length === 0) return;
    const headings = new Map<string, string>();
    visit(tree, 'element', (node) => {
      const { id } = node.properties;
      if (!HEADING.test(node.tagName) || typeof id !== 'string' || headings.has(id)) return;
      headings.set(id, `the heading "${toString(node)}" (line ${node.position?.start.line ?? '?'})`);
    });
    const problems: (TableProblem & { table: string })[] = [];
    for (const { source, resumeId } of tables) {
      const table = source.id;
      const found = [
        ...checkTable(source, headings).problems,
        ...(resumeId === undefined ? [] : checkResumeAnchor(source, resumeId, headings)),
      ];
      problems.push(...found.map((problem) => ({ ...problem, table })));
    }
    if (problems.length > 0)
      throw tableProblemsError(
        problemFile(file),
        problems.sort((a, b) => a.line - b.line),
      );
  };
}
