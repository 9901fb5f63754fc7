/**
 * The always-loaded part of the snippet island: reveals the controls and
 * defers everything else to the runner chunk (controller.ts). Nothing more is
 * fetched until the reader shows intent — moves a mouse or pen over a snippet,
 * or focuses one — which loads the runner and starts the sandbox with a spare
 * worker, so the click that follows finds it ready.
 *
 * Intent is a pointer that moves, not one that enters: scrolling under a
 * resting mouse makes Chromium send `pointerenter` to each snippet that passes
 * beneath it, and a reader who only scrolled past a Python snippet then
 * downloaded Pyodide and booted CPython. No `pointermove` comes with those.
 * A touch that moves over a snippet is a swipe to scroll, not intent either.
 */
type Controller = typeof import('./controller');

let controller: Promise<Controller> | undefined;
const loadController = (): Promise<Controller> => (controller ??= import('./controller'));

export function initSnippets(): void {
  // data-snippet-lang: Python snippets (python/), whose page also loads python/PythonSnippets.astro.
  const snippets = document.querySelectorAll<HTMLElement>('.snippet[data-snippet-js], .snippet[data-snippet-lang]');
  if (snippets.length === 0) return;
  for (const snippet of snippets) {
    const toolbar = snippet.querySelector<HTMLElement>('.snippet-toolbar');
    if (toolbar) toolbar.hidden = false;
    const firstIntent = new AbortController();
    const intent = () => {
      firstIntent.abort();
      void loadController().then(({ intent }) => intent(snippet));
    };
    const listening = { signal: firstIntent.signal };
    snippet.addEventListener('pointermove', (event) => event.pointerType !== 'touch' && intent(), listening);
    snippet.addEventListener('focusin', intent, listening);
    snippet.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!button || button.disabled) return;
      void loadController().then(({ handleAction }) => handleAction(snippet, button.dataset.action ?? ''));
    });
  }
}
