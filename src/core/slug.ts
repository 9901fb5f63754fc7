import { slug } from 'github-slugger';

/**
 * The site's one rule for URLs and anchors: github-slugger's, which Astro applies to headings and note files
 * (`asyncio.gather(*aws)` → `asynciogatheraws`), with a run of hyphens made one and none at either end
 * (`AsyncIO - Introduction` → `asyncio-introduction`). github-slugger leaves every result as it is, so a file named
 * by it keeps its name as its URL. Used for table-row anchors, section pages and imported notes' file names.
 */
export function slugify(text: string): string {
  return slug(text).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}

/**
 * A source's registry id (`kegel-c10k`): lowercase ASCII letters and digits joined by single hyphens, the form the
 * registry's schema requires, with accents dropped and everything else a hyphen.
 */
export function kebabId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
