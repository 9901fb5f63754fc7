/**
 * Each click moves to the next choice: from following the system to the other
 * theme (so the first click always changes what the reader sees), then to the
 * system's own theme, then back to following the system, which stores nothing.
 * The button's label follows the choice through CSS (ThemeToggle.astro).
 */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const root = document.documentElement;
      const system = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
      const chosen = root.dataset.theme;
      const next = chosen === undefined ? (system === 'dark' ? 'light' : 'dark') : chosen === system ? null : system;
      if (next) root.dataset.theme = next;
      else delete root.dataset.theme;
      try {
        if (next) localStorage.setItem('theme', next);
        else localStorage.removeItem('theme');
      } catch {
        // Storage can be blocked; the choice still applies to this page.
      }
    });
  }
}
