/**
 * Anchors for tables and rows. They are part of the site's public URLs (search
 * results and readers link to them), so they derive only from what the author
 * wrote: the table's id and the text of the row's first cell.
 */

import { slugify } from '../../core/slug';

/** What an author may write as a table id: lowercase words joined by hyphens. */
export const TABLE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function rowId(tableId: string, rowHeader: string): string {
  const slug = slugify(rowHeader);
  return slug ? `${tableId}-${slug}` : '';
}

export function captionId(tableId: string): string {
  return `${tableId}-caption`;
}
