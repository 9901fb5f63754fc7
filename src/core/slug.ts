/**
 * `asyncio.gather(*aws)` → `asyncio-gather-aws`, `AsyncIO - Introduction` →
 * `asyncio-introduction`: lowercase ASCII letters and digits, everything else a
 * single hyphen. Used for table-row anchors and for imported notes' file names.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
