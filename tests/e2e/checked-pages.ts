/**
 * `npm run check -- --changed` runs the doctests and axe on the pages a change touches: it names them in
 * CHECK_PAGES (comma-separated site paths). Unset, every page is checked, as `npm test` does.
 */
const named = process.env.CHECK_PAGES?.split(',').filter(Boolean);

/** The pages of `pages` that this run checks. */
export function checkedPages<T extends string>(pages: readonly T[]): T[] {
  return named === undefined ? [...pages] : pages.filter((page) => named.includes(page));
}
