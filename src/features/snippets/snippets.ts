/**
 * The always-loaded part of the snippet island: reveals the controls and
 * defers everything else to the runner chunk (controller.ts). Nothing more is
 * fetched until the reader shows intent — points at or focuses a snippet —
 * which loads the runner and starts the sandbox with a spare worker, so the
 * click that follows finds it ready.
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
    const intent = () => void loadController().then(({ intent }) => intent(snippet));
    snippet.addEventListener('pointerenter', intent, { once: true });
    snippet.addEventListener('focusin', intent, { once: true });
    snippet.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!button || button.disabled) return;
      void loadController().then(({ handleAction }) => handleAction(snippet, button.dataset.action ?? ''));
    });
  }
}
