import type { Properties } from 'hast';
import type { Data, Heading, Paragraph, Parent, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CAPTION_PREFIX, isCaptionLine, parseCaptionLine } from './caption';
import { problemFile } from '../../core/content-error';
import { pageDataKey, handToPage } from '../../core/page-data';
import { captionId } from './ids';
import { checkResumeAnchor, checkTable, tableProblemsError, type TableProblem, type TableSource } from './validate';

/**
 * Turns a Markdown table with a caption line right above it
 *
 *     Table: Processes, threads and asyncio compared [#concurrency-models]
 *
 *     | Name | … |
 *
 * into a comparison table: `<caption>`, column and row headers with `scope`,
 * an anchor on the table and on every row, a focusable scroll region for
 * narrow screens, and the `data-pagefind-*` hooks that make each row its own
 * search result. Tables without a caption line stay plain tables. Any mistake
 * fails the build with one message listing every problem by file and line.
 * Headings have no ids yet at this stage: rehypeTableAnchors checks the
 * anchors against them once they do.
 */

/** The ids of a page's comparison tables: the page loads the table styles and enhancer only when there are some. */
export const TABLE_IDS = pageDataKey<string[]>('comparisonTables');

/** The Pagefind filter that lets a reader search only comparison tables. */
const TABLES_SEARCH_FILTER = { name: 'type', value: 'Comparison tables' } as const;

/** A rendered table and the anchor after it, for rehypeTableAnchors to check against the headings. */
export interface RenderedTable {
  source: TableSource;
  resumeId: string | undefined;
}

/** A wrapper element in the output; mdast-util-to-hast renders it as `data.hName`. */
export interface ComparisonTablePart extends Parent {
  type: 'comparisonTablePart';
  data: Data & { hName: string };
  children: Array<ComparisonTablePart | TableRow | PhrasingContent>;
}

declare module 'mdast' {
  /** What mdast-util-to-hast reads (declared as in its own typings, which this project does not import). */
  interface Data {
    hName?: string | undefined;
    hProperties?: Properties | undefined;
  }
  interface BlockContentMap {
    comparisonTablePart: ComparisonTablePart;
  }
  interface RootContentMap {
    comparisonTablePart: ComparisonTablePart;
  }
}

declare module 'vfile' {
  interface DataMap {
    comparisonTables: RenderedTable[];
  }
}

type Problem = TableProblem & { table?: string };

export function remarkComparisonTables() {
  return (tree: Root, file: VFile) => {
    /** Anchors of the tables so far, each with a phrase naming its owner for messages. */
    const taken = new Map<string, string>();
    const problems: Problem[] = [];
    const rendered: RenderedTable[] = [];

    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined || !isCaptionLine(toString(node))) return;
      const line = node.position?.start.line ?? 0;
      const table = parent.children[index + 1];
      if (table?.type !== 'table') {
        problems.push({
          line,
          message: `a "${CAPTION_PREFIX}" caption line must be followed directly by its Markdown table (a blank line between them is fine). Move the table under it, or reword the paragraph so it does not start with "${CAPTION_PREFIX}".`,
        });
        return;
      }
      const caption = parseCaptionLine(toString(node));
      if (!caption.ok) {
        problems.push({ line, message: caption.message });
        return;
      }
      const source = tableSource(caption.id, line, table);
      const check = checkTable(source, taken);
      if (check.problems.length > 0) {
        problems.push(...check.problems.map((problem) => ({ ...problem, table: caption.id })));
        return;
      }
      taken.set(caption.id, `the table on line ${line}`);
      check.rowIds.forEach((id, row) => taken.set(id, `row ${row + 1} of table "${caption.id}"`));
      const resume = resumeMarker(parent.children, index, caption.id);
      const resumeTaken = resume ? checkResumeAnchor(source, resume.id, taken) : [];
      if (resumeTaken.length > 0) {
        problems.push(...resumeTaken.map((problem) => ({ ...problem, table: caption.id })));
        return;
      }
      if (resume) taken.set(resume.id, `the end of table "${caption.id}"`);
      rendered.push({ source, resumeId: resume?.id });
      const [header, ...rows] = table.children;
      if (!header) return;
      const output = renderTable({
        id: caption.id,
        caption: caption.caption,
        captionContent: captionContent(node),
        repeatsHeading: repeatsHeading(caption.caption, parent.children.slice(0, index)),
        align: table.align ?? [],
        header,
        rows: rows.map((row, i) => ({ row, id: check.rowIds[i] ?? '' })),
      });
      parent.children.splice(
        index,
        2,
        output,
        ...(resume ? [part('div', { id: resume.id, dataPagefindTitle: resume.title }, [])] : []),
      );
      return index + 1;
    });

    if (problems.length > 0)
      throw tableProblemsError(
        problemFile(file),
        problems.sort((a, b) => a.line - b.line),
      );
    file.data.comparisonTables = rendered;
    if (rendered.length > 0)
      handToPage(
        file,
        TABLE_IDS,
        rendered.map((table) => table.source.id),
      );
  };
}

/**
 * Pagefind gives a sub-result everything from one anchor to the next, so prose
 * after a table would count as part of its last row. When text follows the
 * table within a section, an empty anchor titled like that section's heading
 * starts a new sub-result where the table ends.
 */
function resumeMarker(siblings: ReadonlyArray<{ type: string }>, index: number, tableId: string) {
  const next = siblings[index + 2];
  if (!next || next.type === 'heading') return undefined;
  const heading = siblings.slice(0, index).findLast((node): node is Heading => node.type === 'heading');
  return heading ? { id: `${tableId}-end`, title: toString(heading) } : undefined;
}

function tableSource(id: string, line: number, table: Table): TableSource {
  const [header, ...rows] = table.children.map((row) => ({
    line: row.position?.start.line ?? line,
    cells: row.children.map((cell) => toString(cell)),
  }));
  return { id, line, header: header ?? { line, cells: [] }, rows };
}

/** The caption's inline content without the `Table:` prefix and the `[#id]` suffix. */
function captionContent(paragraph: Paragraph): PhrasingContent[] {
  const children = structuredClone(paragraph.children);
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.slice(CAPTION_PREFIX.length).trimStart();
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s*\[#[^\]]*\]\s*$/, '');
  return children.filter((child) => child.type !== 'text' || child.value !== '');
}

/** Text as a reader compares it: case, spacing and a closing full stop or colon aside. */
const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/[.:]$/, '').trim();

/** Whether the caption says no more than the heading of the section the table sits in. */
function repeatsHeading(caption: string, before: ReadonlyArray<{ type: string }>): boolean {
  const heading = before.findLast((node): node is Heading => node.type === 'heading');
  return heading !== undefined && comparable(toString(heading)) === comparable(caption);
}

interface TableRender {
  id: string;
  caption: string;
  captionContent: PhrasingContent[];
  /** The caption repeats the section's heading: it stays the table's name but is not shown twice. */
  repeatsHeading: boolean;
  align: Table['align'] & {};
  header: TableRow;
  rows: Array<{ row: TableRow; id: string }>;
}

function part(hName: string, hProperties: Properties, children: ComparisonTablePart['children']) {
  const node: ComparisonTablePart = { type: 'comparisonTablePart', data: { hName, hProperties }, children };
  return node;
}

/**
 * MDX drops the whitespace between table cells, and Pagefind then reads
 * adjacent header cells as one word ("NamePython"). A trailing space inside
 * the cell keeps the words apart and renders as nothing.
 */
const WORD_BREAK: PhrasingContent = { type: 'text', value: ' ' };

/**
 * The ARIA roles repeat the elements' own: on narrow screens comparison-table.css
 * lays rows out as cards (`display: block`), and some browsers then drop a
 * table's semantics unless the roles are explicit.
 */
const ROLES = { col: 'columnheader', row: 'rowheader', cell: 'cell' } as const;

function cell(
  node: TableCell,
  hName: 'th' | 'td',
  align: string | null | undefined,
  kind: keyof typeof ROLES,
  extra: Properties = {},
) {
  const scope = kind === 'cell' ? {} : { scope: kind };
  node.data = {
    ...node.data,
    hName,
    hProperties: { ...scope, role: ROLES[kind], ...(align ? { align } : {}), ...extra },
  };
  node.children.push({ ...WORD_BREAK });
}

/** Tables with this many columns and more take the width beside the prose on wide screens. */
const WIDE_TABLE_COLUMNS = 5;

/**
 * A row's search excerpt reads "Column: value" pairs: Pagefind indexes the
 * attribute's text before the cell's (data-pagefind-index-attrs), while readers
 * and screen readers meet the header once, where it is.
 */
function labelForSearch(node: TableCell, column: string | undefined) {
  if (!column) return;
  const hProperties = { ...node.data?.hProperties, dataPagefindIndexAttrs: 'data-column', dataColumn: `${column}:` };
  node.data = { ...node.data, hProperties };
}

function renderTable({
  id,
  caption,
  captionContent,
  repeatsHeading,
  align,
  header,
  rows,
}: TableRender): ComparisonTablePart {
  const columnNames = header.children.map((node) => toString(node).trim());
  header.children.forEach((node, i) => cell(node, 'th', align[i], 'col'));
  for (const { row, id: rowId } of rows) {
    const name = toString(row.children[0] ?? { type: 'text', value: '' });
    row.data = { ...row.data, hProperties: { id: rowId, role: 'row', dataPagefindTitle: `${name} — ${caption}` } };
    row.children.forEach((node, i) => {
      // A card shows each value under its column's name (comparison-table.css).
      if (i === 0) cell(node, 'th', align[i], 'row');
      else cell(node, 'td', align[i], 'cell', { dataLabel: columnNames[i] });
      labelForSearch(node, columnNames[i]);
    });
  }
  header.data = { ...header.data, hProperties: { role: 'row' } };
  const table = part('table', { id, role: 'table', dataPagefindTitle: caption }, [
    // The inner span stays in view while the table scrolls sideways under it.
    // A caption that repeats the heading right above still names the table for assistive technology, unshown.
    part('caption', { id: captionId(id), ...(repeatsHeading ? { className: ['visually-hidden'] } : {}) }, [
      part('span', { className: ['caption-text'] }, [...captionContent, { ...WORD_BREAK }]),
    ]),
    // Every cell carries its column's name for search, so the header row itself is not indexed.
    part('thead', { role: 'rowgroup', dataPagefindIgnore: true }, [header]),
    part(
      'tbody',
      { role: 'rowgroup' },
      rows.map(({ row }) => row),
    ),
  ]);
  const region = part(
    'div',
    { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabelledBy: [captionId(id)] },
    [table],
  );
  return part(
    'div',
    {
      className: [
        'comparison-table',
        ...(header.children.length >= WIDE_TABLE_COLUMNS ? ['comparison-table-wide'] : []),
      ],
      dataComparisonTable: '',
      dataPagefindFilter: `${TABLES_SEARCH_FILTER.name}:${TABLES_SEARCH_FILTER.value}`,
    },
    [region],
  );
}
