/**
 * What a note may write as HTML (in `.md`) or JSX (in `.mdx`), and which addresses it may use. Notes arrive from
 * strangers' pull requests, so these are allow-lists: anything not listed fails the build with what to write instead.
 */
import { slug } from 'github-slugger';
import { decodeEscapes, malformedEscape, readUrl } from '../links/browser-url';

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
/** The files of the site a note may show as an image, by extension: the site's other files are code and data. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;
/** A scheme as written, before the parser reads it. */
const WRITTEN_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Ids the page gives its own landmarks and controls (src/layouts, src/components, the features' .astro files, GFM's
 * footnote heading): a note may neither take one (a heading's id comes from its text) nor link to one. A unit test
 * keeps this list in step with the ids those files write.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set([
  ...['main', 'guide', 'toc', 'toc-heading', 'contents', 'hero-title', 'footnote-label'],
]);

/** A heading whose text would give it the id of one of the page's own elements. */
export function headingProblem(text: string): string | undefined {
  const id = slug(text);
  if (!PAGE_IDS.has(id)) return undefined;
  return `the heading "${text}" would get the id "${id}", which an element of the page itself has (its links and controls would find two). Reword the heading.`;
}

/** Any page of a note: the rules below depend on whether an address stays on the site, not on which page it is. */
const NOTE_PAGE = new URL('https://site.invalid/section/note/');

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

/** The addresses an attribute holds: one, or each candidate of a `srcset`. */
export const urlsOf = (attribute: string, value: string) => (attribute === 'srcset' ? srcsetUrls(value) : [value]);

const short = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * One address in attribute `attribute` (lower case), as the browser reads it (links/browser-url.ts): refused when the
 * parser rejects it, when it runs script (`javascript:`), carries a document (`data:` other than a raster image),
 * uses any scheme but http(s)/mailto/source, loads from another origin, reaches another site without saying so
 * (`//host`, `\\host/x`, `/\host/x`), holds a backslash or a control character the browser reads differently from
 * a reviewer, or a percent-escape that spells no text.
 */
export function urlProblem(attribute: string, value: string): string | undefined {
  for (const raw of urlsOf(attribute, value)) {
    const problem = oneUrlProblem(attribute, raw);
    if (problem) return problem;
  }
  return undefined;
}

function oneUrlProblem(attribute: string, raw: string): string | undefined {
  const written = normalizeUrl(raw);
  const url = readUrl(raw, NOTE_PAGE);
  const loads = LOADING_ATTRIBUTES.has(attribute);
  if (!url) {
    return `${attribute}=${short(raw)} is not an address a browser can follow: the URL parser rejects it. Write https://… for another site, or a path of this site such as /section/note/.`;
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    return `${attribute}=${short(raw)} runs script when followed. Link to a page with [text](https://…), or show code in a fenced block.`;
  }
  if (scheme === 'data') {
    if (loads && INLINE_IMAGE.test(url.href.toLowerCase())) return undefined;
    return `${attribute}=${short(raw)} is a data: URL, which can carry a whole document or script. Save the file under public/ and link to it by its path.`;
  }
  if (!SAFE_SCHEMES.has(scheme)) {
    return `${attribute}=${short(raw)} uses the "${scheme}:" scheme. Use an http(s) address, a path of this site, mailto: or source:<id>.`;
  }
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const onSite = url.origin === NOTE_PAGE.origin;
  if (loads && !onSite) {
    return `${attribute}=${short(raw)} loads from another site, which the page's Content-Security-Policy blocks (and which would tell that site who reads the note). Save the file under public/ and use its path.`;
  }
  if (!onSite && !WRITTEN_SCHEME.test(written)) {
    return `${attribute}=${short(raw)} leaves out the scheme, so the browser reads it as an address on another site, ${url.host}. Write the full https://${url.host}/… if you mean that site, or a path of this site starting with a single "/".`;
  }
  // `https:/x` or `https:x` is a path of the page when the page is https, another site when it is http (a preview).
  if (WRITTEN_SCHEME.test(written) && !/^https?:[\\/]{2}/i.test(written)) {
    return `${attribute}=${short(raw)} has no "//" after its scheme, so browsers read it as a path of this site or as another site depending on the page. Write the full https://host/… address, or a path starting with "/".`;
  }
  // Before the query: browsers read `\` as `/` there, so what a reviewer sees is not where the link goes.
  if (/^[^?#]*\\/.test(written)) {
    return `${attribute}=${short(raw)} holds a backslash, which browsers read as "/" (it leads to ${url.href.replace(NOTE_PAGE.origin, '')}). Write "/" instead.`;
  }
  // eslint-disable-next-line no-control-regex -- a tab, newline or control character inside the address
  if (/[\u0000-\u001f\u007f]/.test(raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, ''))) {
    return `${attribute}=${short(raw)} holds a tab or line break, which browsers drop. Write the address on one line, without them.`;
  }
  const fragment = decodeEscapes(url.hash.slice(1));
  if (written.startsWith('#') && fragment !== undefined && PAGE_IDS.has(fragment)) {
    return `${attribute}=${short(raw)} links to the page's own #${fragment}, one of its landmarks or controls, not a place in the note. Link to a heading of the note instead.`;
  }
  const malformed = onSite && (malformedEscape(url.pathname) ?? malformedEscape(url.hash.slice(1)));
  if (malformed) {
    return `${attribute}=${short(raw)} holds the percent-escape "${malformed}", which spells no text, so no page or heading id can match it. Write the path or the heading's id as it is, or escape whole UTF-8 characters.`;
  }
  return undefined;
}

/**
 * An image address (`<img src>`, `srcset`, `![alt](…)`) that is a file of the site but not an image (its scripts,
 * WebAssembly, pages, data), or that carries a query or fragment (each different one is another download of the
 * same file); undefined otherwise. Addresses refused by `urlProblem` are not judged here.
 */
export function imageProblem(attribute: string, value: string): string | undefined {
  for (const raw of urlsOf(attribute, value)) {
    const url = readUrl(raw, NOTE_PAGE);
    if (url?.origin !== NOTE_PAGE.origin) continue;
    if (!IMAGE_FILE.test(url.pathname)) {
      return `${attribute}=${short(raw)} is not an image: a page loading it as one downloads the whole file for nothing. Show a .png, .jpg, .gif, .webp, .avif or .svg file saved under public/.`;
    }
    if (/[?#]/.test(normalizeUrl(raw))) {
      return `${attribute}=${short(raw)} adds a query or fragment to an image, which makes the browser download the file again for each different one. Use the file's path alone.`;
    }
  }
  return undefined;
}

/** The site path of each image of the site an image attribute shows (`/figures/a.png`), for the note's weight. */
export function siteImages(attribute: string, value: string): string[] {
  return urlsOf(attribute, value).flatMap((raw) => {
    const url = readUrl(raw, NOTE_PAGE);
    const path = url?.origin === NOTE_PAGE.origin ? decodeEscapes(url.pathname) : undefined;
    return path && IMAGE_FILE.test(path) ? [path] : [];
  });
}

/**
 * The attributes a note may write, by element (`*`: on any allowed element). Notes are plain Markdown, so this is
 * short: titles, language and direction, table spans, list numbering, an image's address and description (not its
 * size: a zero-size image hides an alt text that search indexes). Everything else is refused, features' hooks
 * (`data-*`), `id`, `class`, `hidden` and `popover` among them.
 */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  '*': new Set(['title', 'lang', 'dir']),
  a: new Set(['href']),
  img: new Set(['src', 'srcset', 'sizes', 'alt', 'loading', 'decoding']),
  td: new Set(['colspan', 'rowspan', 'align']),
  th: new Set(['colspan', 'rowspan', 'align', 'scope']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  time: new Set(['datetime']),
  data: new Set(['value']),
  del: new Set(['cite', 'datetime']),
  ins: new Set(['cite', 'datetime']),
  q: new Set(['cite']),
  blockquote: new Set(['cite']),
  details: new Set(['open']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
};

/**
 * Classes a note may write. None today: every class of the page belongs to the site (`visually-hidden` hides text
 * from readers while search still finds it, `toc` makes links part of the page's outline, `snippet` and
 * `table-scroll` are features' hooks). A class added here must be styled for notes and read by no page script.
 */
export const ALLOWED_CLASSES: ReadonlySet<string> = new Set<string>();

/** A `data-*` attribute is a feature's hook: which feature would take the note's element for its own, and what to write. */
function hookOf(attribute: string): string {
  if (attribute.startsWith('data-snippet'))
    return "is a runnable snippet's hook: Run would execute code that is not shown. Write a ```ts run block followed by its ```text output block instead.";
  if (attribute.startsWith('data-comparison'))
    return "is a comparison table's hook: the table script would take the note's markup for its own. Write a Markdown table with a caption line above it (CONTRIBUTING.md, Comparison tables).";
  if (attribute.startsWith('data-pagefind'))
    return 'is a hook of search indexing: it would retitle, reweight or hide the note in search. Remove it; search indexes the note as it is.';
  return "is a hook of the page's scripts (theme toggle, copy buttons, search, citations…), which would take the note's element for their own. Remove it; a note's features come from Markdown syntax (CONTRIBUTING.md).";
}

/** Why the attributes notes most often reach for are refused, and what to write instead. */
function refusedAttribute(element: string, name: string, attribute: string, value: string | undefined) {
  const on = `${name}= on <${element}>`;
  if (attribute.startsWith('data-')) return `${on} ${hookOf(attribute)}`;
  if (['hidden', 'popover', 'inert', 'aria-hidden'].includes(attribute)) {
    return `${on} hides text from readers (or lifts it over the page) while search still finds it. Remove it; a note shows what it says.`;
  }
  if (attribute === 'class') {
    const classes = (value ?? '').split(/\s+/).filter((name) => name !== '' && !ALLOWED_CLASSES.has(name));
    if (classes.length === 0) return undefined;
    return `class="${classes.join(' ')}" on <${element}>: a note's markup takes no class of the site's (visually-hidden hides text from readers, toc and snippet are page hooks). Remove it; the site styles Markdown.`;
  }
  if (attribute === 'id' || attribute === 'name') {
    return `${on}: ids and names belong to the page (headings get theirs from their text), and a note's own could shadow the page's anchors or the names its scripts look up. Remove it; link to a heading with [text](#heading-id).`;
  }
  if (
    ['tabindex', 'accesskey', 'autofocus', 'contenteditable', 'draggable', 'popovertarget', 'commandfor'].includes(
      attribute,
    )
  ) {
    return `${on} lets the note drive the page's keyboard focus or controls. Remove it.`;
  }
  if (attribute === 'role' || attribute.startsWith('aria-')) {
    return `${on} changes what assistive technology announces, away from what the page shows. Remove it; Markdown's own structure is announced correctly.`;
  }
  if (attribute === 'slot' || attribute === 'is' || attribute === 'part' || attribute === 'exportparts') {
    return `${on} attaches the element to a custom element or shadow tree of the page. Remove it.`;
  }
  return `${on} is not an attribute a note may use on <${element}>. Remove it; the attributes a note may write are listed in src/features/content-policy/rules.ts.`;
}

/**
 * Problems with one attribute `name="value"` of element `element` (both as written); `value` is undefined when the
 * attribute has no literal value (a bare attribute). `attribute` is the name as the page will have it, lower case.
 */
export function attributeProblems(
  element: string,
  name: string,
  value: string | undefined,
  attribute = name.toLowerCase(),
): string[] {
  const tag = element.toLowerCase();
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
  const problems: string[] = [];
  // The allow-list is for the elements a note may write; a refused element goes whole, with its attributes.
  const listed = ALLOWED_ATTRIBUTES['*']!.has(attribute) || ALLOWED_ATTRIBUTES[tag]?.has(attribute);
  if (!listed && elementProblem(element) === undefined) {
    const refused = refusedAttribute(element, name, attribute, value);
    if (refused) problems.push(refused);
  }
  if (value === undefined || !isUrlAttribute(attribute)) return problems;
  const image = tag === 'img' && (attribute === 'src' || attribute === 'srcset');
  const problem = urlProblem(attribute, value) ?? (image ? imageProblem(attribute, value) : undefined);
  if (problem) return [...problems, `<${element}> ${problem}`];
  // A link written as HTML or JSX skips the source registry (it sees Markdown links only) and the base path.
  if (attribute === 'href' && !normalizeUrl(value).startsWith('#')) {
    problems.push(
      `<${element} ${name}=${short(value)}> is a link written as HTML or JSX, which the source registry and the base path do not see. Write it as a Markdown link: [text](${normalizeUrl(value)}).`,
    );
  }
  return problems;
}
