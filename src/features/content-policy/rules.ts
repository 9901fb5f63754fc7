/**
 * What a note may write as HTML (in `.md`) or JSX (in `.mdx`), and which addresses it may use. Notes arrive from
 * strangers' pull requests, so these are allow-lists: anything not listed fails the build with what to write instead.
 */

/**
 * MDX components a note may use, by name. None today: notes are plain Markdown, and features (tables, snippets,
 * citations) come from Markdown syntax. A component added here must render only what this policy allows.
 */
export const ALLOWED_COMPONENTS: ReadonlySet<string> = new Set<string>();

/** Plain HTML elements a note may write: text-level and structural markup that can neither run, load nor submit. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  ...['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark'],
  ...['q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'],
  ...['img', 'blockquote', 'caption', 'col', 'colgroup', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption'],
  ...['figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'table'],
  ...['tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'],
]);

/** Why the most common dangerous elements are refused, and what to write instead. */
const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'runs code in the reader\'s browser. Show code in a fenced block; make it runnable with "```ts run".',
  style: 'restyles the whole site. Write plain Markdown; the site styles it.',
  meta: 'can redirect the reader to another site (http-equiv="refresh") or change the page\'s policy. Remove it; a note\'s metadata is its frontmatter.',
  base: 'redirects every relative link on the page. Remove it; write links as [text](url).',
  link: 'loads a resource from anywhere. Remove it; cite a work with [text](url).',
  form: 'submits what a reader types to any address. Remove it; describe the form in prose or code.',
  iframe: 'embeds another site in the page. Link to it with [text](url) instead.',
  frame: 'embeds another site in the page. Link to it with [text](url) instead.',
  frameset: 'embeds another site in the page. Link to it with [text](url) instead.',
  object: 'embeds a plugin or another document. Link to it with [text](url), or show an image with ![alt](/file.png).',
  embed: 'embeds a plugin or another document. Link to it with [text](url), or show an image with ![alt](/file.png).',
  svg: 'can hold scripts, links and animations. Save the drawing as a file under public/ and show it with ![alt](/drawing.svg).',
  math: 'can hold links and foreign markup. Write the formula as text or code.',
};

/** `<x>` is refused: why, and what to write instead. */
export function elementProblem(name: string): string | undefined {
  if (/^[A-Z]|\./.test(name)) {
    if (ALLOWED_COMPONENTS.has(name)) return undefined;
    const allowed = [...ALLOWED_COMPONENTS].join(', ') || 'none today';
    return `<${name}> is a component; a note may use only the components listed in src/features/content-policy/rules.ts (${allowed}). Write plain Markdown instead.`;
  }
  const tag = name.toLowerCase();
  if (ALLOWED_ELEMENTS.has(tag)) return undefined;
  const why = REFUSED_ELEMENTS[tag];
  if (why) return `<${name}> is not allowed in a note: it ${why}`;
  return `<${name}> is not allowed in a note. Write plain Markdown, or one of the HTML elements listed in src/features/content-policy/rules.ts.`;
}

/** Attributes that hold an address (the browser follows, loads or submits them). */
const URL_ATTRIBUTES = new Set([
  ...['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'longdesc'],
  ...['data', 'codebase', 'classid', 'archive', 'manifest', 'ping', 'lowsrc', 'dynsrc', 'usemap', 'icon', 'profile'],
]);
const isUrlAttribute = (name: string) => URL_ATTRIBUTES.has(name) || /(?:href|src|action|url|uri)$/.test(name);

/** Attributes that load or send something without the reader choosing to follow a link. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'ping']);

/** Addresses of these kinds are safe wherever a note writes them. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'source']);
/** Raster images a page may inline (an SVG can hold script, so it is not among them). */
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/;

/**
 * A URL as the browser reads it: tabs and newlines anywhere are dropped, leading and trailing control characters
 * and spaces are ignored, and the scheme is case-insensitive. Entities are decoded before this (by the parser).
 */
export function normalizeUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are exactly what the browser ignores
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** `srcset="a.png 1x, b.png 2x"` → the addresses. */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

const short = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * One address in attribute `attribute` (lower case): refused when it runs script (`javascript:`), carries a
 * document (`data:` other than a raster image), uses any scheme but http(s)/mailto/source, or loads from another
 * origin.
 */
export function urlProblem(attribute: string, value: string): string | undefined {
  for (const raw of attribute === 'srcset' ? srcsetUrls(value) : [value]) {
    const url = normalizeUrl(raw).toLowerCase();
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
    const loads = LOADING_ATTRIBUTES.has(attribute);
    if (scheme === 'javascript' || scheme === 'vbscript') {
      return `${attribute}=${short(raw)} runs script when followed. Link to a page with [text](https://…), or show code in a fenced block.`;
    }
    if (scheme === 'data') {
      if (loads && INLINE_IMAGE.test(url)) continue;
      return `${attribute}=${short(raw)} is a data: URL, which can carry a whole document or script. Save the file under public/ and link to it by its path.`;
    }
    if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
      return `${attribute}=${short(raw)} uses the "${scheme}:" scheme. Use an http(s) address, a path of this site, mailto: or source:<id>.`;
    }
    if (loads && (scheme !== undefined || url.startsWith('//'))) {
      return `${attribute}=${short(raw)} loads from another site, which the page's Content-Security-Policy blocks (and which would tell that site who reads the note). Save the file under public/ and use its path.`;
    }
  }
  return undefined;
}

/**
 * Problems with one attribute `name="value"` of element `element` (both as written); `value` is undefined when the
 * attribute has no literal value (a bare attribute).
 */
export function attributeProblems(element: string, name: string, value: string | undefined): string[] {
  const attribute = name.toLowerCase();
  if (attribute.startsWith('on')) {
    return [`${name}= on <${element}> runs script in the reader's browser. Remove it; a note cannot run code.`];
  }
  if (
    attribute === 'dangerouslysetinnerhtml' ||
    attribute === 'innerhtml' ||
    /^(?:set|is|define|client|server|transition):/.test(attribute)
  ) {
    return [
      `${name} on <${element}> inserts raw, unchecked HTML or script. Remove it and write the content as Markdown.`,
    ];
  }
  if (attribute === 'style') {
    return [
      `style= on <${element}> is ignored: the page's Content-Security-Policy blocks inline styles. Remove it; the site styles Markdown.`,
    ];
  }
  if (attribute === 'srcdoc' || attribute === 'http-equiv' || attribute === 'httpequiv') {
    return [`${name}= on <${element}> can load a document or redirect the reader. Remove it.`];
  }
  if (value === undefined || !isUrlAttribute(attribute)) return [];
  const problem = urlProblem(attribute, value);
  if (problem) return [`<${element}> ${problem}`];
  // A link written as HTML or JSX skips the source registry (it sees Markdown links only) and the base path.
  if (attribute === 'href' && !normalizeUrl(value).startsWith('#')) {
    return [
      `<${element} ${name}=${short(value)}> is a link written as HTML or JSX, which the source registry and the base path do not see. Write it as a Markdown link: [text](${normalizeUrl(value)}).`,
    ];
  }
  return [];
}
