import { ContentError } from '../../core/content-error';
import { rowId } from './ids';

/**
 * Build-time checks for a comparison table, on plain data (cell texts and
 * source lines) so they are easy to test. Every problem names its line and
 * what to change; the Markdown plugins turn them into one build error.
 */

export interface RowSource {
  /** 1-based line in the source file. */
  line: number;
  /** Text content of each cell, as written. */
  cells: string[];
}

export interface TableSource {
  id: string;
  /** Line of the caption (`Table: …`). */
  line: number;
  header: RowSource;
  rows: RowSource[];
}

export interface TableProblem {
  line: number;
  message: string;
}

export interface TableCheck {
  problems: TableProblem[];
  /** The anchor of each row, in order (empty when the row cannot have one). */
  rowIds: string[];
}

/**
 * @param taken anchors already used on the page (headings, earlier tables and
 *   rows), each with a phrase naming its owner for the message.
 */
export function checkTable(table: TableSource, taken: ReadonlyMap<string, string>): TableCheck {
  const problems: TableProblem[] = [];
  const columns = table.header.cells.map((cell) => cell.trim());

  const idOwner = taken.get(table.id);
  if (idOwner) {
    problems.push({
      line: table.line,
      message: `the table id "${table.id}" is already used by ${idOwner}. Choose another id in [#…].`,
    });
  }

  const firstColumn = new Map<string, number>();
  columns.forEach((name, index) => {
    if (!name) {
      problems.push({
        line: table.header.line,
        message: `column ${index + 1} of the header row is empty. Give every column a name.`,
      });
      return;
    }
    const key = name.toLowerCase();
    const earlier = firstColumn.get(key);
    if (earlier === undefined) firstColumn.set(key, index);
    else
      problems.push({
        line: table.header.line,
        message: `the header "${name}" names columns ${earlier + 1} and ${index + 1}. Give every column a distinct name.`,
      });
  });

  if (table.rows.length === 0) {
    problems.push({ line: table.header.line, message: 'the table has a header but no rows. Add at least one row.' });
  }

  const rowIds: string[] = [];
  const rowOfId = new Map<string, number>();
  table.rows.forEach((row, index) => {
    const number = index + 1;
    const name = (row.cells[0] ?? '').trim();
    const label = name ? `row ${number} ("${name}")` : `row ${number}`;

    if (row.cells.length !== columns.length) {
      const fix =
        row.cells.length < columns.length
          ? 'Add the missing cells (an empty cell is written "| |")'
          : 'Remove the extra cells';
      problems.push({
        line: row.line,
        message: `${label} has ${row.cells.length} cells but the header has ${columns.length}. ${fix}; a "|" inside a cell, even inside code, must be written "\\|".`,
      });
    }

    const id = name ? rowId(table.id, name) : '';
    rowIds.push(id);
    if (!name) {
      problems.push({
        line: row.line,
        message: `${label} has an empty first cell. The first cell names the row and gives it its anchor; fill it in.`,
      });
      return;
    }
    if (!id) {
      problems.push({
        line: row.line,
        message: `${label} has no letter or digit in its first cell to make an anchor from. Name the row in words.`,
      });
      return;
    }
    const sameRow = rowOfId.get(id);
    if (sameRow !== undefined) {
      problems.push({
        line: row.line,
        message: `rows ${sameRow} and ${number} both get the anchor #${id}. Make their first cells differ.`,
      });
      return;
    }
    rowOfId.set(id, number);
    const owner = taken.get(id);
    if (owner) {
      problems.push({
        line: row.line,
        message: `the anchor #${id} of ${label} is already used by ${owner}. Rename the row or change the table id.`,
      });
    }
  });

  return { problems, rowIds };
}

/**
 * The empty anchor that marks where the text resumes after a table must be free too.
 * @param taken as for {@link checkTable}, plus the table's own anchors.
 */
export function checkResumeAnchor(table: TableSource, id: string, taken: ReadonlyMap<string, string>): TableProblem[] {
  const owner = taken.get(id);
  if (!owner) return [];
  return [
    {
      line: table.line,
      message: `the anchor #${id}, which marks where the text resumes after the table, is already used by ${owner}. Change the table id.`,
    },
  ];
}

/** One build error for every problem of a file, each naming `file:line` and its table. */
export function tableProblemsError(file: string, problems: ReadonlyArray<TableProblem & { table?: string }>) {
  return new ContentError(
    'comparison table problem',
    problems.map((problem) => ({
      file,
      line: problem.line,
      message: `${problem.table ? `table "${problem.table}": ` : ''}${problem.message}`,
    })),
    { hint: 'See "Comparison tables" in CONTRIBUTING.md for the format.' },
  );
}
