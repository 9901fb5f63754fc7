/**
 * Internal URLs always go through here so the site works under any base path
 * (`/` locally, `/repo-name/` on GitHub Pages).
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export function noteHref(id: string, base?: string): string {
  return withBase(`${id}/`, base);
}
