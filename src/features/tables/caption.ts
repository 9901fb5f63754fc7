import { TABLE_ID_PATTERN } from './ids';

/**
 * A comparison table is a Markdown table whose caption line sits right above
 * it:
 *
 *     Table: Processes, threads and asyncio compared [#concurrency-models]
 *
 * The bracketed id names the table's anchor and prefixes its row anchors.
 * Brackets rather than Pandoc's `{#id}` because braces start an expression in MDX.
 */
export const CAPTION_PREFIX = 'Table:';

const ID_SUFFIX = /\s*\[#([^\]\s]*)\]\s*$/;

export const CAPTION_EXAMPLE = 'Table: Processes, threads and asyncio compared [#concurrency-models]';

export type CaptionParse = { ok: true; caption: string; id: string } | { ok: false; message: string };

export function isCaptionLine(text: string): boolean {
  return text.startsWith(CAPTION_PREFIX);
}

/** Reads `Table: <caption> [#id]`; the text must start with the prefix. */
export function parseCaptionLine(text: string): CaptionParse {
  const rest = text.slice(CAPTION_PREFIX.length);
  const suffix = ID_SUFFIX.exec(rest);
  if (!suffix) {
    return {
      ok: false,
      message: `The caption line has no table id. End it with [#some-id], e.g. "${CAPTION_EXAMPLE}".`,
    };
  }
  const id = suffix[1] ?? '';
  if (!TABLE_ID_PATTERN.test(id)) {
    return {
      ok: false,
      message: `The table id "${id}" is not usable as an anchor. Use lowercase letters, digits and single hyphens, e.g. [#concurrency-models].`,
    };
  }
  const caption = rest.slice(0, suffix.index).trim();
  if (!caption) {
    return {
      ok: false,
      message: `The caption line has no caption. Write what the table compares after "${CAPTION_PREFIX}", e.g. "${CAPTION_EXAMPLE}".`,
    };
  }
  return { ok: true, caption, id };
}
