/**
 * Marks the searched terms on the page a search result led to, with
 * Pagefind's highlighter. search.ts loads this classic script (its own bundle,
 * Vite's `?worker&url`) only when the URL carries the terms, so other visits
 * fetch none of it.
 */
import { HIGHLIGHT_PARAM } from './options';
import { isMeaningful } from './words';

/**
 * What ends a word besides whitespace, for mark.js's `exactly` accuracy: "cancel" is
 * marked in "cancel()" and "task," but never inside another word ("a" in "threads").
 */
const WORD_LIMITERS = [...',.;:!?()[]{}<>"\'`/|=+*&^%#@~-'];

/** mark.js options handed to Pagefind's highlighter (its `markOptions`). */
const MARK_OPTIONS = {
  // addStyles would inject a <style> element, which the Content-Security-Policy forbids;
  // global.css styles `mark.pagefind-highlight` instead.
  className: 'pagefind-highlight',
  // Pagefind's defaults: what the index leaves out is not marked either.
  exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
  accuracy: { value: 'exactly', limiters: WORD_LIMITERS },
  // Pagefind drops brackets and dashes from what was typed ("sleep(0)" arrives as "sleep0"); the page keeps them.
  ignorePunctuation: [...'()[]{}-'],
  // Pagefind adds every word typed to the URL; one- and two-letter words and stop words are left unmarked.
  filter: (_node: Text, term: string) => isMeaningful(term),
};

const highlighter = Object.assign(document.createElement('script'), {
  src: `${import.meta.env.BASE_URL}pagefind/pagefind-highlight.js`,
  type: 'module',
});
highlighter.onload = () => {
  const { PagefindHighlight } = window as unknown as { PagefindHighlight: new (options: object) => unknown };
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, markOptions: MARK_OPTIONS, addStyles: false });
};
document.head.append(highlighter);
