/**
 * How a rendered note tells its page that it holds comparison tables: the
 * Markdown plugin lists the table ids under this key of the remark-plugin
 * frontmatter, and the note page loads the table styles and enhancer only then.
 */
export const TABLES_FRONTMATTER_KEY = 'comparisonTables';

/** The Pagefind filter that lets a reader search only comparison tables. */
export const TABLES_SEARCH_FILTER = { name: 'type', value: 'Comparison tables' } as const;

export function tableIdsOf(remarkPluginFrontmatter: Record<string, unknown>): string[] {
  const ids = remarkPluginFrontmatter[TABLES_FRONTMATTER_KEY];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
