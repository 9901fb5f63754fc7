type Theme = 'light' | 'dark';
/** What the reader chose: a theme, or none (the page follows the system). */
type Choice = Theme | 'system';

const systemTheme = (): Theme => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const opposite = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');

function currentChoice(): Choice {
  const chosen = document.documentElement.dataset.theme;
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

/**
 * The choice after this one: from the system's theme to the other one first, so
 * the first click always changes what the reader sees, then the system's one, then back to following the system.
 */
function nextChoice(choice: Choice): Choice {
  const system = systemTheme();
  if (choice === 'system') return opposite(system);
  return choice === system ? 'system' : system;
}

/** The button's label follows the choice through CSS (ThemeToggle.astro); this only switches and remembers. */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const next = nextChoice(currentChoice());
      const root = document.documentElement;
      try {
        if (next === 'system') localStorage.removeItem('theme');
        else localStorage.setItem('theme', next);
      } catch {
        // Storage can be blocked; the choice still applies to this page.
      }
      if (next === 'system') delete root.dataset.theme;
      else root.dataset.theme = next;
    });
  }
}
