/**
 * Where content lives. CONTENT_DIR points a build at another tree: the
 * bad-content fixtures under tests/fixtures and the scale benchmark use it.
 */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? './content';
}
