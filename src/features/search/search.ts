/**
 * Opens the search dialog (search-dialog.ts, on Pagefind's Modular UI) from our
 * header button, `/` or Ctrl/Cmd+K, loading it on first use, and highlights the
 * searched terms on the page a result leads to. Everything Pagefind ships is
 * fetched from the bundle at `<base>pagefind/`, never before the reader asks
 * for it.
 */

import { HIGHLIGHT_PARAM } from './options';
import highlighter from './highlight?worker&url';
import searchDialog from './search-dialog?worker&url';
import scrollSpy from '../headings/scroll-spy?worker&url';

const bundle = `${import.meta.env.BASE_URL}pagefind/`;
let loading: Promise<HTMLDialogElement> | undefined;

/**
 * Adds a classic script to <head> and waits for it. An element rather than
 * `import()`: Vite would wrap a dynamic import in its preload helper, and the
 * bundle is not ours to bundle anyway.
 */
function script(src: string): Promise<unknown> {
  const element = Object.assign(document.createElement('script'), { src });
  document.head.append(element);
  return new Promise((resolve, reject) => {
    element.onload = resolve;
    element.onerror = () => {
      element.remove();
      reject(new Error(`Could not load ${src}`));
    };
  });
}

async function loadDialog(): Promise<HTMLDialogElement> {
  await script(`${bundle}pagefind-modular-ui.js`);
  // Adds the dialog, closed, with its styles and the Pagefind components that PagefindModularUI has just defined.
  await script(searchDialog);
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  if (!dialog) throw new Error('The search dialog failed to start.');
  return dialog;
}

/**
 * Keeps what the reader types while the UI is still loading, so "/" followed at
 * once by a query loses no letters. Returns a function that stops and hands back
 * the text.
 */
function bufferTyping(): () => string {
  let typed = '';
  const keep = (event: KeyboardEvent) => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    typed += event.key;
  };
  document.addEventListener('keydown', keep);
  return () => {
    document.removeEventListener('keydown', keep);
    return typed;
  };
}

/**
 * Tells the reader why nothing opened: `npm run dev` has no index (Pagefind
 * indexes the built pages), and a built site can lose its connection. The
 * message stays until the next click or Escape.
 */
function reportFailure(error: unknown): void {
  console.warn('Search could not load.', error);
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!status) return;
  status.textContent = import.meta.env.DEV
    ? 'Search needs the index that npm run build creates; run npm start to search this site.'
    : 'Search could not load. Check your connection, then try again.';
  const controller = new AbortController();
  const clear = (event: Event) => {
    if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
    status.textContent = '';
    controller.abort();
  };
  // Registered after the click that opened search has finished, so that click does not clear it.
  setTimeout(() => {
    document.addEventListener('pointerdown', clear, { signal: controller.signal });
    document.addEventListener('keydown', clear, { signal: controller.signal });
  });
}

/**
 * Where focus goes when the dialog closes: where it was, or — when nothing had
 * focus, as after "/" pressed while reading — the search button, never <body>.
 */
function focusToRestore(button: HTMLButtonElement | null): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : button;
}

async function openSearch(button: HTMLButtonElement | null): Promise<void> {
  const restoreTo = focusToRestore(button);
  const stopBuffering = bufferTyping();
  loading ??= loadDialog();
  let dialog: HTMLDialogElement;
  try {
    dialog = await loading;
  } catch (error) {
    stopBuffering();
    loading = undefined;
    reportFailure(error);
    return;
  }
  const typed = stopBuffering();
  if (dialog.open) return;
  // A modal dialog gives focus back as it closes to what had focus when it opened; with nothing focused, focus stays in
  // the closed dialog until the next rendering step and a "/" typed meanwhile goes to its hidden field, not to search.
  if (restoreTo && document.activeElement !== restoreTo) restoreTo.focus({ preventScroll: true });
  dialog.showModal();
  button?.setAttribute('aria-expanded', 'true');
  const input = dialog.querySelector('input');
  if (input && typed) {
    // What the reader typed while search loaded is the new query, never appended to the last one.
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    // The previous query comes back selected: typing replaces it, arrows keep it.
    input?.select();
  }
}

/** Keys typed into a field belong to the field, not to the shortcut; a field in a shadow root (the snippet editor) too. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function initSearch(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-search-open]');
  button?.addEventListener('click', () => void openSearch(button));
  document.addEventListener('keydown', (event) => {
    const shortcut = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
    const slash = event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event);
    if (!shortcut && !slash) return;
    event.preventDefault();
    void openSearch(button);
  });
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) void script(highlighter);
  // The outline's scroll-spy (headings feature) starts with the reader's first scroll. It is
  // started from here because this script is on every page already: a script of its own
  // would push a plain article over its JavaScript budget.
  if (document.querySelector('.toc'))
    addEventListener('scroll', () => void script(scrollSpy), { once: true, passive: true });
}
