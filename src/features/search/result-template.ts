/**
 * How one search result is drawn in the results list of Pagefind's Modular UI
 * (its `ResultList` takes these as `resultTemplate` and `placeholderTemplate`):
 * the page link opening where the matches are and the page's parts strongest
 * first (landing.ts). Excerpts are Pagefind's, HTML-escaped with the matched
 * words in `<mark>`; they hold a note's words, so only their text and marks are
 * copied into the page, never their markup.
 */
import { landing, searchedWords, shownSubResults, type PagefindResultData } from './landing';
import { normalizeWord, wordStem } from './words';

/** Parts listed under a page result, as Pagefind's own default UI. */
export const MAX_SUB_RESULTS = 3;

/** A new element with its class and other properties; the dialog (search-dialog.ts) builds its parts with it too. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), { className, ...properties });
}

function link(className: string, href: string, text: string): HTMLAnchorElement {
  return element('a', className, { href, textContent: text });
}

/**
 * An excerpt as text with its `<mark>`s: read in an inert document, where nothing loads or runs. Pagefind marks
 * every word that starts with a searched word, so "cancel a task" marks each "a", "as" and "async"; a mark stays
 * only on a word holding a meaningful searched word (words.ts), as on the landing page.
 */
function excerpt(className: string, html: string, stems: readonly string[]): HTMLParagraphElement {
  const paragraph = element('p', className);
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  for (const node of parsed.childNodes) {
    const text = node.textContent ?? '';
    const word = normalizeWord(text);
    const marked = node.nodeName === 'MARK' && stems.some((stem) => word.includes(stem));
    paragraph.append(marked ? Object.assign(document.createElement('mark'), { textContent: text }) : text);
  }
  return paragraph;
}

export function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('p', 'search-result-title');
  title.append(link('search-result-link', landing(result)?.url ?? result.url, result.meta['title'] ?? result.url));
  item.append(title);
  const parts = shownSubResults(result, MAX_SUB_RESULTS);
  const stems = searchedWords(result).map(wordStem);
  // The parts' excerpts speak for the page: Pagefind's page excerpt often repeats one of them word for word, or
  // centres on stop words ("what is …") where the parts are chosen by the meaningful words (landing.ts).
  if (result.excerpt && parts.length === 0) {
    item.append(excerpt('search-excerpt', result.excerpt, stems));
  }
  if (parts.length > 0) {
    const list = element('ul', 'search-parts');
    for (const part of parts) {
      const entry = element('li', 'search-part');
      entry.append(link('search-part-link', part.url, part.title), excerpt('search-excerpt', part.excerpt, stems));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/**
 * What stands in a result's place until its data has loaded (Pagefind loads a
 * result when it scrolls into view): the shape of a card, hidden from screen
 * readers, which hear the count in the summary instead.
 */
export function renderPlaceholder(): HTMLLIElement {
  const item = element('li', 'search-result search-placeholder');
  item.ariaHidden = 'true';
  item.append(element('span', 'search-skeleton'), element('span', 'search-skeleton'));
  return item;
}
