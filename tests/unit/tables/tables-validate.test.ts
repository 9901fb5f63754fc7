import { describe, expect, it } from 'vitest';
import { parseCaptionLine } from '../../../src/features/tables/caption';
import { slugify } from '../../../src/core/slug';
import { rowId } from '../../../src/features/tables/ids';
import { checkTable, tableProblemsError, type TableSource } from '../../../src/features/tables/validate';

const valid: TableSource = {
  id: 'concurrency-models',
  line: 10,
  header: { line: 12, cells: ['Name', 'CPUs', 'Best For'] },
  rows: [
    { line: 14, cells: ['Processes', 'many', 'CPU bound'] },
    { line: 15, cells: ['Threads', '1 (because of the GIL)', 'I/O bound'] },
  ],
};

function messages(table: TableSource, taken = new Map<string, string>()): string[] {
  return checkTable(table, taken).problems.map((problem) => `${problem.line}: ${problem.message}`);
}

describe('comparison table caption line', () => {
  it('reads the caption and the id', () => {
    expect(parseCaptionLine('Table: Processes, threads and asyncio compared [#concurrency-models]')).toEqual({
      ok: true,
      caption: 'Processes, threads and asyncio compared',
      id: 'concurrency-models',
    });
  });

  it('asks for an id when there is none', () => {
    expect(parseCaptionLine('Table: Processes compared')).toEqual({
      ok: false,
      message:
        'The caption line has no table id. End it with [#some-id], e.g. "Table: Processes, threads and asyncio compared [#concurrency-models]".',
    });
  });

  it('rejects an id that is not a plain anchor', () => {
    const result = parseCaptionLine('Table: Models [#Concurrency_Models]');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^The table id "Concurrency_Models" is not usable as an anchor\./);
  });

  it('asks for a caption when there is only an id', () => {
    const result = parseCaptionLine('Table: [#models]');
    expect(!result.ok && result.message).toMatch(/^The caption line has no caption\./);
  });
});

describe('comparison table anchors', () => {
  it('follow the rule of heading anchors (github-slugger)', () => {
    expect(slugify('asyncio.gather(*aws)')).toBe('asynciogatheraws');
    expect(rowId('concurrency-models', 'AsyncIO')).toBe('concurrency-models-asyncio');
  });

  it('gives a row whose name has no letters no anchor', () => {
    expect(rowId('t', '—')).toBe('');
  });
});

describe('comparison table validation', () => {
  it('accepts a well-formed table and names its row anchors', () => {
    expect(checkTable(valid, new Map())).toEqual({
      problems: [],
      rowIds: ['concurrency-models-processes', 'concurrency-models-threads'],
    });
  });

  it('names the row with too few cells and how to fix it', () => {
    const table = { ...valid, rows: [{ line: 14, cells: ['Processes', 'many'] }] };
    expect(messages(table)).toEqual([
      '14: row 1 ("Processes") has 2 cells but the header has 3. Add the missing cells (an empty cell is written "| |"); a "|" inside a cell, even inside code, must be written "\\|".',
    ]);
  });

  it('names the row with too many cells', () => {
    const table = { ...valid, rows: [{ line: 14, cells: ['Processes', 'many', 'CPU', 'bound'] }] };
    expect(messages(table)).toEqual([
      expect.stringMatching(/^14: row 1 \("Processes"\) has 4 cells .* Remove the extra cells;/),
    ]);
  });

  it('rejects an empty header', () => {
    const table = { ...valid, header: { line: 12, cells: ['Name', ' ', 'Best For'] } };
    expect(messages(table)).toEqual(['12: column 2 of the header row is empty. Give every column a name.']);
  });

  it('rejects a repeated header, ignoring case', () => {
    const table = { ...valid, header: { line: 12, cells: ['Name', 'CPUs', 'name'] } };
    expect(messages(table)).toEqual([
      '12: the header "name" names columns 1 and 3. Give every column a distinct name.',
    ]);
  });

  it('rejects two rows with the same anchor', () => {
    const table = {
      ...valid,
      rows: [...valid.rows, { line: 16, cells: ['threads', '1', 'I/O bound'] }],
    };
    expect(messages(table)).toEqual([
      '16: rows 2 and 3 both get the anchor #concurrency-models-threads. Make their first cells differ.',
    ]);
  });

  it('rejects an empty first cell', () => {
    const table = { ...valid, rows: [{ line: 14, cells: ['', 'many', 'CPU bound'] }] };
    expect(messages(table)).toEqual([
      '14: row 1 has an empty first cell. The first cell names the row and gives it its anchor; fill it in.',
    ]);
  });

  it('rejects a table without rows', () => {
    expect(messages({ ...valid, rows: [] })).toEqual(['12: the table has a header but no rows. Add at least one row.']);
  });

  it('rejects anchors the page already uses', () => {
    const taken = new Map([
      ['concurrency-models', 'the heading "Concurrency models" (line 3)'],
      ['concurrency-models-threads', 'row 2 of table "other"'],
    ]);
    expect(messages(valid, taken)).toEqual([
      '10: the table id "concurrency-models" is already used by the heading "Concurrency models" (line 3). Choose another id in [#…].',
      '15: the anchor #concurrency-models-threads of row 2 ("Threads") is already used by row 2 of table "other". Rename the row or change the table id.',
    ]);
  });

  it('makes one build error of every problem of a file, each with file:line first', () => {
    const error = tableProblemsError('content/notes/x.mdx', [
      { line: 12, table: 'models', message: 'column 2 of the header row is empty. Give every column a name.' },
      { line: 3, message: 'The caption line has no table id.' },
    ]);
    expect(error.message).toBe(
      [
        '2 comparison table problems need fixing:',
        'content/notes/x.mdx:12: table "models": column 2 of the header row is empty. Give every column a name.',
        'content/notes/x.mdx:3: The caption line has no table id.',
        'See "Comparison tables" in CONTRIBUTING.md for the format.',
      ].join('\n'),
    );
    expect(error.loc).toEqual({ file: 'content/notes/x.mdx', line: 12, column: undefined });
  });
});
