/**
 * Turns each server-rendered comparison table into an interactive one: a filter
 * box with a live "N of M rows" count, a sort button in every column header
 * (ascending, descending, then the original order, with `aria-sort` kept in
 * step), a "copy link to this row" button on every row, a header row that
 * sticks while the table fits its column, and un-filtering when the reader
 * follows a link to a row the filter hides. Without JavaScript the table is
 * complete; the controls exist only once this runs, so none of them is ever dead.
 */

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const COPIED_FOR_MS = 2000;
const SVG = 'http://www.w3.org/2000/svg';
const LINK_PATH =
  'M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2';

/** Attributes set one by one: nothing a note wrote is ever parsed as markup. */
function withAttributes<E extends Element>(element: E, attributes: Record<string, string>): E {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}) =>
  withAttributes(document.createElement(tag), attributes);

function linkIcon(): SVGSVGElement {
  const svg = withAttributes(document.createElementNS(SVG, 'svg'), {
    'aria-hidden': 'true',
    width: '14',
    height: '14',
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2.5',
  });
  svg.append(withAttributes(document.createElementNS(SVG, 'path'), { d: LINK_PATH }));
  return svg;
}

export function enhanceTables(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-comparison-table]')) enhanceTable(figure);
}

function cellText(row: HTMLTableRowElement, column: number): string {
  return (row.cells[column]?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function enhanceTable(figure: HTMLElement): void {
  const region = figure.querySelector<HTMLElement>('.table-scroll');
  const table = region?.querySelector('table');
  const body = table?.tBodies[0];
  const headers = table?.tHead?.rows[0]?.cells;
  if (!region || !table || !body || !headers) return;
  const rows = [...body.rows];
  // Read before the row-link buttons add their labels to the row headers.
  const texts = new Map(rows.map((row) => [row, [...row.cells].map((_, i) => cellText(row, i))]));
  const searchable = new Map(rows.map((row) => [row, texts.get(row)!.join(' ').toLowerCase()]));
  const key = (row: HTMLTableRowElement, column: number): string => texts.get(row)?.[column] ?? '';

  // The table's id is read from the page, so it only ever becomes attribute values, never markup.
  const tools = make('div', { class: 'table-tools' });
  const label = make('label', { for: `${table.id}-filter` });
  label.textContent = 'Filter rows';
  const input = make('input', {
    id: `${table.id}-filter`,
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': table.id,
    'aria-describedby': `${table.id}-caption`,
  });
  const count = make('p', { class: 'table-count', role: 'status' });
  const announce = make('p', { class: 'visually-hidden', role: 'status' });
  tools.append(label, input, count, announce);

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
    button.append(make('span', { class: 'sort-icon', 'aria-hidden': 'true' }));
    th.append(button);
    button.addEventListener('click', () => {
      const sorted = th.getAttribute('aria-sort');
      const direction = sorted === 'ascending' ? 'descending' : sorted === 'descending' ? undefined : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      if (!direction) {
        body.append(...rows);
        return;
      }
      th.setAttribute('aria-sort', direction);
      const sign = direction === 'ascending' ? 1 : -1;
      // Array sort is stable: equal cells keep the original order.
      body.append(...[...rows].sort((a, b) => sign * collator.compare(key(a, column), key(b, column))));
    });
  }

  if (navigator.clipboard) for (const row of rows) addRowLink(row, key(row, 0), announce);

  // A table that fits its column needs no scroll region, so its header row can stick to the top of the page.
  const fit = (): void => {
    const fits = table.offsetWidth <= region.clientWidth;
    figure.toggleAttribute('data-fits', fits);
    if (fits) region.removeAttribute('tabindex');
    else region.tabIndex = 0;
  };
  const resize = new ResizeObserver(fit);
  resize.observe(region);
  resize.observe(table);
  figure.toggleAttribute('data-enhanced', true);

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

/**
 * A button in the row header that copies the address of the row's anchor and
 * says "Copied". Its name is an aria-label, so the row header's text stays the row's name.
 */
function addRowLink(row: HTMLTableRowElement, name: string, announce: HTMLElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'row-link';
  const label = document.createElement('span');
  button.append(linkIcon(), label);
  const show = (done?: string): void => {
    button.setAttribute('aria-label', done ?? `Copy link to row ${name}`);
    label.textContent = done ?? '';
  };
  show();
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(`${location.origin}${location.pathname}#${row.id}`);
      show('Copied');
      announce.textContent = `Link to row ${name} copied`;
    } catch {
      // The address bar then holds the link to copy by hand.
      location.hash = row.id;
      show('Link in address bar');
      announce.textContent = `Copying failed: the address bar now links to row ${name}`;
    }
    setTimeout(() => {
      show();
      announce.textContent = '';
    }, COPIED_FOR_MS);
  };
  button.addEventListener('click', () => void copy());
  row.cells[0]?.append(button);
}
