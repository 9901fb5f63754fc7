/**
 * Applies the reader's stored theme before first paint. It runs inline in <head>
 * (ThemeScript.astro) so no other theme ever flashes; with no stored choice the
 * page follows the system through CSS `color-scheme`. Kept as a string so the
 * Content-Security-Policy can allow exactly this script by its hash (src/core/csp.ts).
 * It also marks <html> with `js`, so controls that need JavaScript (search, theme
 * toggle, copy) show from the first paint, without a layout shift, and stay hidden
 * without it.
 */
export const THEME_SCRIPT =
  "document.documentElement.classList.add('js');try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
