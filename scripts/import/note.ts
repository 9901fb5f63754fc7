/**
 * The importer's core, pure: a Markdown note in the style of the original
 * notes (a `## Title`, `###`/`####` sections, lists, quotes followed by
 * `[Source](url)`, links, tables, code) becomes an MDX page for
 * content/notes/. The text is kept byte for byte except where MDX or the site
 * needs a change: the title moves into frontmatter, headings move up one level,
 * `{ } <` in prose are escaped, `<url>` autolinks, HTML comments and indented
 * code get their MDX spelling. No I/O: the CLI (cli.ts) reads and writes files.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Heading, Link, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { urlKey } from '../../src/features/citations/registry';
import { slugify } from '../../src/core/slug';

/** A file the importer cannot read as a note; the message names the file and line and what is expected. */
export class NotANoteError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'NotANoteError';
  }
}

export interface ExistingNote {
  id: string;
  title: string;
  section: string;
  order: number;
}

/** A work the note links to that the registry does not know yet, as it will be registered. */
export interface NewSource {
  id: string;
  title: string;
  url: string;
  site: string;
  kind: 'article';
}

export interface ImportOptions {
  /** Path shown in messages. */
  file: string;
  existingNotes: readonly ExistingNote[];
  /** Registered source id for a URL (the registry's own URL matching), if any. */
  lookupSource: (url: string) => string | undefined;
  /** Source ids already taken in the registry. */
  takenSourceIds: ReadonlySet<string>;
  /** YYYY-MM-DD for `updated`. */
  today: string;
  descriptionMax: number;
  descriptionMin: number;
  /** Sidebar section; defaults to the section of the last note in reading order. */
  section?: string | undefined;
  /** Whether the note schema has a `sources` field to list the cited works in. */
  listSources: boolean;
}

export interface ImportedNote {
  slug: string;
  frontmatter: {
    title: string;
    description: string;
    section: string;
    order: number;
    updated: string;
    sources?: string[];
  };
  /** The MDX page: frontmatter and body (not yet run through Prettier). */
  mdx: string;
  /** Ids of every registered or new source the note links to, in order of first link. */
  citedSourceIds: string[];
  newSources: NewSource[];
  counts: { sections: number; quotes: number; links: number; tables: number; codeBlocks: number };
  /** Things kept as written that a person should look at, each with its line. */
  warnings: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** At the same position, edits apply in ascending order; a later one ends up in front. */
  order?: number;
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function importNote(text: string, options: ImportOptions): ImportedNote {
  const tree = parseMarkdown(text);
  const titleHeading = findTitle(tree, options.file);
  const title = plain(titleHeading);
  const slug = slugify(title);
  if (!slug) {
    throw new NotANoteError(
      options.file,
      line(titleHeading),
      'the title heading has no letters or digits to name the page by.',
    );
  }
  const rest = tree.children.filter((node) => node !== titleHeading);
  const secondTitle = rest.find((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  if (secondTitle) {
    throw new NotANoteError(
      options.file,
      line(secondTitle),
      `a note has one "## Title" and "###"/"####" sections, but this is another level-${secondTitle.depth} heading. Split the file into one note per "##" title, or make this a "###" section.`,
    );
  }
  if (rest.length === 0) {
    throw new NotANoteError(options.file, line(titleHeading), 'the note has a title but nothing under it.');
  }

  const edits: Edit[] = [];
  const warnings: string[] = [];
  const where = (node: Nodes) => `${options.file}:${line(node)}`;

  // The title becomes frontmatter; the page's <h1> comes from there.
  edits.push({
    start: offset(titleHeading, 'start'),
    end: endOfBlankLines(text, offset(titleHeading, 'end')),
    text: '',
  });

  // `###` sections become `##`: the page has one <h1>, and the outline starts at <h2>.
  const headings = rest.flatMap((node) => descendants(node)).filter((node): node is Heading => node.type === 'heading');
  const shift = headings.length > 0 ? Math.max(0, Math.min(...headings.map((heading) => heading.depth)) - 2) : 0;
  if (shift > 0) {
    for (const heading of headings) {
      const start = offset(heading, 'start');
      if (text[start] === '#') edits.push({ start, end: start + shift, text: '' });
    }
  }

  let codeBlocks = 0;
  let quotes = 0;
  let tables = 0;
  const links: Link[] = [];
  for (const node of rest.flatMap((child) => descendants(child))) {
    switch (node.type) {
      case 'text':
        edits.push(...escapeForMdx(text, node));
        break;
      case 'link':
        links.push(node);
        // MDX has no `<https://…>` autolinks (`<` starts a component): spell them as links.
        if (text[offset(node, 'start')] === '<') {
          edits.push({ start: offset(node, 'start'), end: offset(node, 'end'), text: `[${node.url}](${node.url})` });
        }
        break;
      case 'code':
        codeBlocks++;
        // MDX has no indented code blocks: fence them.
        if (!/^ {0,3}(`{3,}|~{3,})/.test(text.slice(lineStart(text, offset(node, 'start'))))) {
          edits.push({
            start: offset(node, 'start'),
            end: offset(node, 'end'),
            text: `\`\`\`${node.lang ?? ''}\n${node.value}\n\`\`\``,
          });
        }
        break;
      case 'html':
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) {
          // MDX comments are expressions; an HTML comment does not compile.
          const inner = node.value.trim().slice(4, -3).replaceAll('*/', '* /');
          edits.push({ start: offset(node, 'start'), end: offset(node, 'end'), text: `{/*${inner}*/}` });
        } else {
          warnings.push(
            `${where(node)}: raw HTML kept as written; MDX reads it as a component, so close every tag (<br />) or write it in Markdown.`,
          );
        }
        break;
      case 'blockquote':
        quotes++;
        break;
      case 'table':
        tables++;
        break;
    }
  }

  // `[Source](…)` attributes the quotation above it; in the original notes that
  // is sometimes a list or paragraph copied from the work, which the site then
  // shows as a quotation (as the maintainers did for the introduction).
  for (const parent of rest.flatMap((node) => descendants(node)).concat([tree])) {
    if (!('children' in parent)) continue;
    const children = parent.children as Nodes[];
    children.forEach((node, index) => {
      const link = sourceLink(node);
      if (!link) return;
      const previous = index > 0 ? children[index - 1] : undefined;
      if (previous?.type === 'blockquote') return;
      if (previous && (previous.type === 'list' || previous.type === 'paragraph')) {
        edits.push(...quoteLines(text, previous));
        quotes++;
        warnings.push(
          `${where(previous)}: the ${previous.type} above [Source](…) became a quotation of that work; if it is your own summary, give the link a descriptive text instead.`,
        );
      } else {
        const host = new URL(link.url).hostname.replace(/^www\./, '');
        const label = link.children[0];
        if (label) edits.push({ start: offset(label, 'start'), end: offset(label, 'end'), text: `Source: ${host}` });
      }
    });
  }

  const citedSourceIds: string[] = [];
  const newSources: NewSource[] = [];
  const takenIds = new Set(options.takenSourceIds);
  const newByUrl = new Map<string, NewSource>();
  for (const link of links) {
    if (!/^https?:\/\//i.test(link.url)) continue;
    let id = options.lookupSource(link.url) ?? newByUrl.get(urlKey(link.url))?.id;
    if (!id) {
      const source = proposeSource(link, takenIds);
      takenIds.add(source.id);
      newByUrl.set(urlKey(link.url), source);
      newSources.push(source);
      id = source.id;
    }
    if (!citedSourceIds.includes(id)) citedSourceIds.push(id);
  }

  const frontmatter: ImportedNote['frontmatter'] = {
    title,
    description: describe(rest, options),
    section: options.section ?? lastSection(options.existingNotes) ?? title,
    order: Math.max(0, ...options.existingNotes.map((note) => note.order)) + 1,
    updated: options.today,
  };
  if (options.listSources && citedSourceIds.length > 0) frontmatter.sources = citedSourceIds;

  const body = applyEdits(text, edits).trim();
  const mdx = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
  return {
    slug,
    frontmatter,
    mdx,
    citedSourceIds,
    newSources,
    counts: { sections: headings.length, quotes, links: links.length, tables, codeBlocks },
    warnings,
  };
}

function findTitle(tree: Root, file: string): Heading {
  const [first] = tree.children;
  if (!first) throw new NotANoteError(file, 1, 'the file is empty; a note starts with a "## Title" heading.');
  if (first.type !== 'heading' || first.depth !== 2) {
    const found = first.type === 'heading' ? `a level-${first.depth} heading` : `a ${first.type}`;
    throw new NotANoteError(
      file,
      line(first),
      `this is not a note in the notes' style: it must start with a "## Title" heading (found ${found}), followed by "###" sections.`,
    );
  }
  return first;
}

/** A note's description: its first paragraph as plain text, extended or cut to fit the schema's bounds. */
function describe(nodes: RootContent[], options: ImportOptions): string {
  const paragraphs = nodes
    .flatMap((node) => descendants(node))
    .filter((node): node is Paragraph => node.type === 'paragraph')
    .map((paragraph) => plain(paragraph))
    .filter((words) => words.length > 0 && !/^source:?$/i.test(words));
  let description = '';
  for (const words of paragraphs) {
    description = description ? `${description} ${words}` : words;
    if (description.length >= options.descriptionMin) break;
  }
  if (description.length < options.descriptionMin) {
    throw new NotANoteError(
      options.file,
      1,
      `the note has too little prose for a description (${options.descriptionMin} characters): add a sentence under the title saying what the note covers.`,
    );
  }
  return fitDescription(description, options.descriptionMax);
}

/** Cuts at the last sentence end that fits, else at a word boundary with an ellipsis. */
export function fitDescription(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  const sentenceEnd = Math.max(...['. ', '? ', '! '].map((mark) => window.lastIndexOf(mark)));
  if (sentenceEnd >= 40) return window.slice(0, sentenceEnd + 1);
  const space = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:.–-]+$/, '')}…`;
}

function lastSection(notes: readonly ExistingNote[]): string | undefined {
  const sorted = [...notes].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return sorted.at(-1)?.section;
}

/** The link, when a paragraph is nothing but `[Source](url)` to a web address. */
function sourceLink(node: Nodes): Link | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  if (content.length !== 1 || only?.type !== 'link' || !/^https?:\/\//i.test(only.url)) return undefined;
  return /^source:?$/i.test(toString(only).trim()) ? only : undefined;
}

/** Edits that turn a block into a block quote: `> ` in front of each of its lines. */
function quoteLines(text: string, node: Nodes): Edit[] {
  const edits: Edit[] = [];
  const end = offset(node, 'end');
  for (let start = lineStart(text, offset(node, 'start')); start < end;) {
    const blank = text[start] === '\n' || text[start] === '\r';
    edits.push({ start, end: start, text: blank ? '>' : '> ', order: 1 });
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return edits;
}

/** The registry entry a link suggests: its text as the title unless that is just "Source" or the URL. */
function proposeSource(link: Link, taken: ReadonlySet<string>): NewSource {
  const url = new URL(link.url);
  const host = url.hostname.replace(/^www\./, '');
  const labels = host.split('.');
  const name = labels.length > 1 ? labels[labels.length - 2]! : labels[0]!;
  const segments = url.pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, ''))
    .filter((segment) => segment && !/^(index|latest|en|blog|\d+)$/i.test(segment));
  const tail = segments.at(-1) ?? '';
  const base = slugify(`${name} ${tail}`) || slugify(host) || 'source';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const text = toString(link).trim();
  const generic = !text || /^source:?$/i.test(text) || /^https?:\/\//i.test(text) || text === link.url;
  const fromPath = tail.replace(/[-_]+/g, ' ').trim();
  const title = generic ? (fromPath ? fromPath[0]!.toUpperCase() + fromPath.slice(1) : host) : text;
  // The work is the page; a fragment only points into it.
  return { id, title, url: link.url.replace(/#.*$/, ''), site: host, kind: 'article' };
}

/** Backslash-escapes `{`, `}` and `<` in a text node's source, which MDX would read as code. */
function escapeForMdx(text: string, node: Nodes): Edit[] {
  const start = offset(node, 'start');
  const end = offset(node, 'end');
  const edits: Edit[] = [];
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (char === '\\') {
      i++; // already escaped
      continue;
    }
    if (char === '{' || char === '}' || char === '<') edits.push({ start: i, end: i, text: '\\' });
  }
  return edits;
}

function applyEdits(text: string, edits: Edit[]): string {
  // An edit inside a replaced range (a text node inside a rewritten autolink) is covered by the replacement.
  const replacing = edits.filter((edit) => edit.end > edit.start);
  const kept = edits.filter(
    (edit) => !replacing.some((outer) => outer !== edit && outer.start <= edit.start && edit.end <= outer.end),
  );
  return kept
    .sort((a, b) => b.start - a.start || b.end - a.end || (a.order ?? 0) - (b.order ?? 0))
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

function descendants(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => descendants(child)) : [])];
}

function plain(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

function line(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function offset(node: Nodes, side: 'start' | 'end'): number {
  const value = node.position?.[side].offset;
  if (value === undefined) throw new Error('Markdown node without a position');
  return value;
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function endOfBlankLines(text: string, index: number): number {
  const match = /^[ \t]*(?:\r?\n[ \t]*)*/.exec(text.slice(index));
  return index + (match?.[0].length ?? 0);
}
