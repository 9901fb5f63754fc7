/**
 * Applies the reader's stored theme before first paint. It runs inline in <head>
 * (ThemeScript.astro) so no other theme ever flashes; with no stored choice the
 * page follows the system through CSS `color-scheme`. Kept as a string so the
 * Content-Security-Policy can allow exactly this script by its hash (src/security.ts).
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
