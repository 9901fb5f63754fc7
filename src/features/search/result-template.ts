/**
 * How one search result is drawn inside Pagefind's `<pagefind-results>`: its
 * own markup and classes (so its styles and arrow-key navigation apply), with
 * the page link opening where the matches are and the page's parts strongest
 * first (landing.ts). Excerpts are Pagefind's, HTML-escaped with the matched
 * words in `<mark>`; they hold a note's words, so only their text and marks are
 * copied into the page, never their markup.
 *
 * search.ts loads this file as a classic script once Pagefind's components are
 * defined (a separate bundle via Vite's `?worker&url`: an `import()` would put
 * Vite's preload helper on every page), and it installs itself, with our
 * search options, before the first search loads Pagefind: here rather than as
 * `<pagefind-config>` attributes, so no page carries their bytes, and ranking
 * has no attribute.
 */
import { landing, shownSubResults, type PagefindResultData } from './landing';
import { EXCERPT_WORDS, HIGHLIGHT_PARAM, RANKING } from './options';

/** Parts listed under a page result, as Pagefind's own default. */
export const MAX_SUB_RESULTS = 3;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), { className });
}

function link(className: string, href: string, text: string): HTMLAnchorElement {
  return Object.assign(element('a', className), { href, textContent: text });
}

/** An excerpt as text with its `<mark>`s: read in an inert document, where nothing loads or runs. */
function excerpt(className: string, html: string): HTMLParagraphElement {
  const paragraph = element('p', className);
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  for (const node of parsed.childNodes) {
    const text = node.textContent ?? '';
    paragraph.append(
      node.nodeName === 'MARK' ? Object.assign(document.createElement('mark'), { textContent: text }) : text,
    );
  }
  return paragraph;
}

export function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = element('li', 'pf-result');
  const card = element('div', 'pf-result-card');
  const content = element('div', 'pf-result-content');
  const title = element('p', 'pf-result-title');
  title.append(link('pf-result-link', landing(result)?.url ?? result.url, result.meta['title'] ?? result.url));
  content.append(title);
  const parts = shownSubResults(result, MAX_SUB_RESULTS);
  // The parts' excerpts speak for the page: Pagefind's page excerpt often repeats one of them word for word, or
  // centres on stop words ("what is …") where the parts are chosen by the meaningful words (landing.ts).
  if (result.excerpt && parts.length === 0) {
    content.append(excerpt('pf-result-excerpt', result.excerpt));
  }
  card.append(content);
  item.append(card);
  if (parts.length > 0) {
    const list = element('ul', 'pf-heading-chips');
    for (const part of parts) {
      const chip = element('li', 'pf-heading-chip');
      chip.append(link('pf-heading-link', part.url, part.title), excerpt('pf-heading-excerpt', part.excerpt));
      list.append(chip);
    }
    item.append(list);
  }
  return item;
}

/** The results list of Pagefind's modal reads a function template from this property; the modal has just drawn it. */
const results = document.querySelector<HTMLElement & { resultTemplate?: typeof renderResult }>('pagefind-results');
if (results) results.resultTemplate = renderResult;

const { PagefindComponents } = window as unknown as {
  PagefindComponents: { configureInstance(name: string, options: object): unknown };
};
PagefindComponents.configureInstance('default', {
  highlightParam: HIGHLIGHT_PARAM,
  excerptLength: EXCERPT_WORDS,
  ranking: RANKING,
  // Search runs on the page's thread: the index is small, and a worker would be one more script to download.
  noWorker: true,
});
