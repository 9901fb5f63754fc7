/**
 * Marks the searched terms on the page a search result led to, with
 * Pagefind's highlighter. search.ts loads this classic script (its own bundle,
 * Vite's `?worker&url`) only when the URL carries the terms, so other visits
 * fetch none of it.
 */
import { HIGHLIGHT_PARAM } from './options';

const highlighter = Object.assign(document.createElement('script'), {
  src: `${import.meta.env.BASE_URL}pagefind/pagefind-highlight.js`,
  type: 'module',
});
highlighter.onload = () => {
  const { PagefindHighlight } = window as unknown as { PagefindHighlight: new (options: object) => unknown };
  // addStyles would inject a <style> element, which the Content-Security-Policy forbids;
  // global.css styles `mark.pagefind-highlight` instead.
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
};
document.head.append(highlighter);
