/**
 * The search dialog, built on first open from Pagefind's Modular UI: its
 * `Input` (the search form and its Clear button), `Summary` (the result count,
 * in a polite live region) and `ResultList` (results loaded as they scroll into
 * view, drawn by result-template.ts), joined by its `Instance`, which loads
 * Pagefind's engine from the bundle when the field is first focused. The
 * dialog around them is ours, a native modal `<dialog>`: the Modular UI has
 * none.
 *
 * search.ts loads this file as a classic script once `pagefind-modular-ui.js`
 * has defined `PagefindModularUI` (a separate bundle via Vite's `?worker&url`:
 * an `import()` would put Vite's preload helper on every page); it appends the
 * dialog to the page, closed, for search.ts to open.
 */
import type { PagefindResultData } from './landing';
import { EXCERPT_WORDS, HIGHLIGHT_PARAM, RANKING } from './options';
import { element, renderPlaceholder, renderResult } from './result-template';
import styles from './search-dialog.css?inline';

/** The parts of `PagefindModularUI` (pagefind-modular-ui.js) used here. */
interface ModularUI {
  Instance: new (options: object) => { add(component: object): void };
  Input: new (options: { containerElement: string }) => { inputEl: HTMLInputElement | null };
  Summary: new (options: { containerElement: string }) => object;
  ResultList: new (options: {
    containerElement: string;
    resultTemplate: (result: PagefindResultData) => Element;
    placeholderTemplate: () => Element;
  }) => object;
}

// A constructed stylesheet, in this file: a <style> element would break the Content-Security-Policy, and a <link>
// would be one more request before the dialog can show. Astro would put an imported stylesheet into every page.
const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const dialog = element('dialog', 'search-dialog', { ariaLabel: 'Search' });
dialog.dataset['searchDialog'] = '';
const field = element('div', 'search-field');
const close = element('button', 'search-close', { type: 'button', textContent: 'Close' });
const summary = element('p', 'search-summary', { role: 'status' });
const results = element('ul', 'search-results');
const header = element('div', 'search-header');
header.append(field, close);
dialog.append(header, summary, results);
document.body.append(dialog);

const { PagefindModularUI: ui } = window as unknown as { PagefindModularUI: ModularUI };
const instance = new ui.Instance({
  bundlePath: `${import.meta.env.BASE_URL}pagefind/`,
  highlightParam: HIGHLIGHT_PARAM,
  excerptLength: EXCERPT_WORDS,
  ranking: RANKING,
  // Search runs on the page's thread: the index is small, and a worker would be one more script to download.
  noWorker: true,
});
const input = new ui.Input({ containerElement: '.search-dialog .search-field' });
instance.add(input);
instance.add(new ui.Summary({ containerElement: '.search-dialog .search-summary' }));
instance.add(
  new ui.ResultList({
    containerElement: '.search-dialog .search-results',
    resultTemplate: renderResult,
    placeholderTemplate: renderPlaceholder,
  }),
);

const searchField = input.inputEl;
if (searchField) {
  // A search field to assistive technology, and the one showModal() focuses; the Modular UI's Clear button replaces
  // the browser's own.
  Object.assign(searchField, {
    type: 'search',
    placeholder: 'Search the notes',
    autofocus: true,
    autocomplete: 'off',
    spellcheck: false,
  });
}
// The Modular UI's field label ("Search this site") is for screen readers only: the site's own class hides it.
field.querySelector('[data-pfmod-sr-hidden]')?.classList.add('visually-hidden');
// Its Clear button is a submit button, and the form's javascript: action is refused by the Content-Security-Policy.
field.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());

/** The result links, top to bottom: what ArrowDown and ArrowUp move between. */
function resultLinks(): HTMLAnchorElement[] {
  return [...results.querySelectorAll('a')];
}

/** ArrowDown from the field goes to the first result, then down the links; ArrowUp back up to the field. */
function moveFocus(event: KeyboardEvent): void {
  const links = resultLinks();
  const from = event.target === searchField ? -1 : links.indexOf(event.target as HTMLAnchorElement);
  if (from === -1 && event.target !== searchField) return;
  const to = from + (event.key === 'ArrowDown' ? 1 : -1);
  const next = to === -1 ? searchField : links[to];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

dialog.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape') {
      // Closes at once, keeping the query for the next open: Pagefind's Input would clear it first.
      event.preventDefault();
      event.stopPropagation();
      dialog.close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      moveFocus(event);
    }
  },
  { capture: true },
);
close.addEventListener('click', () => dialog.close());
// A click on the backdrop lands on the dialog itself, outside its contents.
dialog.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});
// From the dialog's state rather than `false`: a close event can arrive late, after search has opened again.
dialog.addEventListener('close', () =>
  document.querySelector('[data-search-open]')?.setAttribute('aria-expanded', String(dialog.open)),
);
