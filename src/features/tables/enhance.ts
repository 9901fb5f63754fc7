/**
 * Turns each server-rendered comparison table into an interactive one: a filter
 * box with a live "N of M rows" count, a sort button in every column header
 * (with `aria-sort` kept in step), and un-filtering when the reader follows a
 * link to a row the filter hides. Without JavaScript the table is complete;
 * the controls exist only once this runs, so none of them is ever dead.
 */

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function enhanceTables(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-comparison-table]')) enhanceTable(figure);
}

function cellText(row: HTMLTableRowElement, column: number): string {
  return (row.cells[column]?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function enhanceTable(figure: HTMLElement): void {
  const table = figure.querySelector('table');
  const body = table?.tBodies[0];
  const headers = table?.tHead?.rows[0]?.cells;
  if (!table || !body || !headers) return;
  const rows = [...body.rows];
  const searchable = new Map(
    rows.map((row) => [
      row,
      [...row.cells]
        .map((_, i) => cellText(row, i))
        .join(' ')
        .toLowerCase(),
    ]),
  );

  // Ids come from the validated table id (lowercase, digits, hyphens), so they are safe in markup.
  const tools = document.createElement('div');
  tools.className = 'table-tools';
  tools.innerHTML = `<label for="${table.id}-filter">Filter rows</label><input id="${table.id}-filter" type="search" autocomplete="off" spellcheck="false" aria-controls="${table.id}" aria-describedby="${table.id}-caption"><p class="table-count" role="status"></p>`;
  const input = tools.querySelector('input')!;
  const count = tools.querySelector('p')!;

  const filter = (): void => {
    const terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = searchable.get(row) ?? '';
      row.hidden = !terms.every((term) => text.includes(term));
      if (!row.hidden) shown++;
    }
    count.textContent = `${shown} of ${rows.length} rows`;
  };
  input.addEventListener('input', filter);
  figure.prepend(tools);
  // A restored form value (back/forward) filters right away.
  filter();

  for (const [column, th] of [...headers].entries()) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'table-sort';
    button.append(...th.childNodes);
    button.insertAdjacentHTML('beforeend', '<span class="sort-icon" aria-hidden="true"></span>');
    th.append(button);
    button.addEventListener('click', () => {
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      const sign = direction === 'ascending' ? 1 : -1;
      // Array sort is stable: equal cells keep their current order.
      body.append(...[...body.rows].sort((a, b) => sign * collator.compare(cellText(a, column), cellText(b, column))));
    });
  }

  const revealTarget = (): void => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target instanceof HTMLTableRowElement && searchable.has(target) && target.hidden) {
      input.value = '';
      filter();
      target.scrollIntoView();
    }
  };
  addEventListener('hashchange', revealTarget);
}
