/**
 * Addresses as the browser reads them: the WHATWG URL parser (Node's global `URL`, the algorithm Chromium follows)
 * resolves them against the page they are on. It drops tabs and newlines, trims control characters, lower-cases the
 * scheme, reads `\` as `/` in http(s) addresses (so `\\host/x` and `/\host/x` lead to another site) and resolves
 * `%2e%2e` segments; the content policy and the link check both decide on this reading, never on the text as written.
 */

/** `value` resolved against `page`, or undefined when the parser rejects it (the browser would not follow it). */
export function readUrl(value: string, page: URL): URL | undefined {
  try {
    return new URL(value, page);
  } catch {
    return undefined;
  }
}

/** `%XX` escapes decoded, or undefined when they spell no UTF-8 text (`%E0%A4%A`): no id or file has such a name. */
export function decodeEscapes(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The first malformed run of `%XX` escapes in `text` (`%E0%A4%A`), for a message; undefined when all decode. */
export function malformedEscape(text: string): string | undefined {
  if (decodeEscapes(text) !== undefined) return undefined;
  for (const run of text.match(/(?:%[0-9a-z]{0,2})+/gi) ?? []) if (decodeEscapes(run) === undefined) return run;
  return text;
}
