import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { loadRegistry, RegistryError, type Registry } from './registry';
import { resolveHref, SOURCE_SCHEME } from './resolve';
import { clearFailure, recordFailure } from './failures';
import {
  attributedQuote,
  citationMarker,
  creditOf,
  placeId,
  sourcesSection,
  type CitedWork,
  type CitingPlace,
  type PageCitations,
} from './render';

export interface CitationOptions {
  /** The registry YAML; defaults to `<CONTENT_DIR>/sources/sources.yaml`. */
  registryFile?: string;
  /** URL of a work's entry on the Sources page, base path included. */
  sourcesPageHref: (id: string) => string;
}

/** A content mistake that fails the build; its message is all a contributor needs. */
export class CitationError extends Error {
  /** Where the first problem is; Astro's MDX build shows it as the error's location. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(problems: string[]) {
    super(
      `${problems.length === 1 ? 'A citation needs' : `${problems.length} citations need`} fixing:\n${problems.join('\n')}`,
    );
    this.name = 'CitationError';
    const [, line, column] = /^[^\n]*?:(\d+):(\d+): /.exec(problems[0] ?? '') ?? [];
    this.line = line === undefined ? undefined : Number(line);
    this.column = column === undefined ? undefined : Number(column);
    // The message says everything; a stack into the plugin would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

type Parent = Root | Element | (RootContent & { children: RootContent[] });

function isElement<Tag extends string>(node: RootContent | undefined, tag?: Tag): node is Element & { tagName: Tag } {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}
const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';

/** Text content, as Astro's heading-id plugin reads it. */
function textOf(node: RootContent | Root): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as RootContent)).join('') : '';
}

/** The literal href of an MDX `<a href="…">`, if the node is one. */
function jsxAnchorHref(node: RootContent): string | undefined {
  const jsx = node as {
    type: string;
    name?: string | null;
    attributes?: { type: string; name?: string; value?: unknown }[];
  };
  if ((jsx.type !== 'mdxJsxTextElement' && jsx.type !== 'mdxJsxFlowElement') || jsx.name !== 'a') return undefined;
  const href = jsx.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href');
  return typeof href?.value === 'string' ? href.value : undefined;
}

/** The link, when a paragraph is nothing but `[Source](…)`. */
function loneSourceLink(node: RootContent | undefined): Element | undefined {
  if (!isElement(node, 'p')) return undefined;
  const content = node.children.filter((child) => !isBlank(child));
  const [only] = content;
  if (content.length !== 1 || !isElement(only, 'a')) return undefined;
  return /^source:?$/i.test(textOf(only).trim()) ? only : undefined;
}

/**
 * Turns links to registered works into citations and `> quote` + `[Source](…)`
 * into attributed quotations, appends the page's "Sources" section, and fails
 * the build on any link to an unregistered work, unknown id or malformed URL.
 */
export function rehypeCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    let registry: Registry;
    const registryFileKey = options.registryFile ?? 'source registry';
    try {
      registry = loadRegistry(options.registryFile);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const failure = new CitationError(error.problems);
      recordFailure(registryFileKey, failure.message);
      throw failure;
    }
    clearFailure(registryFileKey);
    const path = file.path ? relative(process.cwd(), file.path) : '<markdown>';
    const problems: string[] = [];
    const slugger = new GithubSlugger();
    const works = new Map<string, CitedWork>();
    let section: CitingPlace['section'] = null;

    // Only a failing page needs its line offset, which costs a read of the file.
    let lineOffset: number | undefined;
    const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => {
      if (!node.position) return path;
      lineOffset ??= bodyLineOffset(file);
      return `${path}:${node.position.start.line + lineOffset}:${node.position.start.column}`;
    };
    const linkText = (link: Element) => `[${textOf(link)}](${String(link.properties.href)})`;

    /** Registers one more citing place of a work; returns its anchor and the work's number on the page. */
    const cite = (id: string) => {
      let work = works.get(id);
      if (!work) {
        work = { id, places: [] };
        works.set(id, work);
      }
      const anchor = placeId(id, work.places.length + 1);
      work.places.push({ anchor, section });
      return { anchor, number: [...works.keys()].indexOf(id) + 1 };
    };

    /** Marks a citing link; returns what to insert after it (credit for a bare link, the [n] marker). */
    const citeLink = (link: Element): ElementContent[] => {
      const href = String(link.properties.href ?? '');
      const resolution = resolveHref(href, registry);
      if (resolution.kind === 'error') {
        problems.push(`${at(link)}: ${linkText(link)} ${resolution.problem}`);
        return [];
      }
      if (resolution.kind !== 'citation') return [];
      const { source } = resolution;
      const text = textOf(link).trim();
      // A bare URL (or an empty `[](source:id)`) says nothing to a reader: show who wrote what instead.
      const bare = text === '' || text === href;
      if (bare) link.children = [{ type: 'text', value: source.title }];
      if (href.startsWith(SOURCE_SCHEME)) link.properties.href = resolution.href;
      const { anchor, number } = cite(source.id);
      link.properties = { ...link.properties, id: anchor, className: ['citation'], dataCites: source.id };
      return [
        ...(bare ? [{ type: 'text', value: ` — ${creditOf(source)}` } as const] : []),
        citationMarker(source, number),
      ];
    };

    const walk = (parent: Parent) => {
      const children = parent.children as RootContent[];
      for (let index = 0; index < children.length; index += 1) {
        const node = children[index];
        if (!node) continue;
        if (isElement(node) && /^h[1-6]$/.test(node.tagName)) {
          const text = textOf(node);
          if (typeof node.properties.id !== 'string') node.properties.id = slugger.slug(text);
          if (node.tagName !== 'h1') section = { slug: String(node.properties.id), text };
        }
        if (isElement(node, 'blockquote')) {
          let next = index + 1;
          while (children[next] && isBlank(children[next] as RootContent)) next += 1;
          const attribution = loneSourceLink(children[next]);
          walk(node);
          if (!attribution) continue;
          const href = String(attribution.properties.href ?? '');
          const resolution = resolveHref(href, registry);
          if (resolution.kind === 'citation') {
            const { anchor, number } = cite(resolution.source.id);
            children.splice(
              index,
              next - index + 1,
              attributedQuote(node, resolution.source, resolution.href, anchor, number),
            );
          } else {
            problems.push(
              `${at(attribution)}: ${linkText(attribution)} ${
                resolution.kind === 'error'
                  ? resolution.problem
                  : 'attributes a quotation, so it must point to a registered work: an http(s) URL from the registry or source:<id>.'
              }`,
            );
            index = next;
          }
          continue;
        }
        const lone = loneSourceLink(node);
        if (lone) {
          problems.push(
            `${at(lone)}: ${linkText(lone)} attributes a quotation, but no block quote comes right before it. Put the "> quoted text" directly above it, or give the link a descriptive text.`,
          );
          continue;
        }
        if (isElement(node, 'a') && node.properties.href !== undefined) {
          const after = citeLink(node);
          children.splice(index + 1, 0, ...after);
          index += after.length;
          continue;
        }
        if (isElement(node, 'pre') || isElement(node, 'code')) continue;
        const jsxHref = jsxAnchorHref(node);
        if (jsxHref !== undefined && resolveHref(jsxHref, registry).kind !== 'internal') {
          problems.push(
            `${at(node)}: <a href="${jsxHref}"> is an external link written as JSX, which the citation check cannot follow. Write it as a Markdown link, [text](${jsxHref}), so it resolves against the registry.`,
          );
          continue;
        }
        if ('children' in node) walk(node as Parent);
      }
    };
    walk(tree);

    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    const frontmatter = (astro.frontmatter ??= {});
    const listed = Array.isArray(frontmatter.sources) ? (frontmatter.sources as unknown[]).map(String) : [];
    for (const id of listed) {
      const resolution = resolveHref(`${SOURCE_SCHEME}${id}`, registry);
      if (resolution.kind === 'error') {
        problems.push(`${path}:${frontmatterLine(file, id)}: frontmatter "sources" ${resolution.problem}`);
      } else if (!works.has(id)) {
        works.set(id, { id, places: [] });
      }
    }

    if (problems.length > 0) {
      const error = new CitationError(problems);
      recordFailure(path, error.message);
      throw error;
    }
    clearFailure(path);
    if (works.size === 0) return;

    const sectionSlug = slugger.slug('Sources');
    const entries = [...works.values()].map((work) => ({ work, source: registry.byId.get(work.id)! }));
    tree.children.push(sourcesSection(sectionSlug, entries, options.sourcesPageHref) as ElementContent);
    frontmatter.citations = { sectionSlug, works: [...works.values()] } satisfies PageCitations;
  };
}

/** The file as written, frontmatter included. */
function sourceText(file: VFile): string {
  try {
    return file.path ? readFileSync(file.path, 'utf8') : String(file.value);
  } catch {
    return String(file.value);
  }
}

/**
 * Lines above the rendered text: Astro renders a `.md` note's body without its
 * frontmatter, so positions count from the body; messages must count from the file.
 */
function bodyLineOffset(file: VFile): number {
  const whole = sourceText(file);
  const body = String(file.value).trim();
  const start = body.length === 0 ? -1 : whole.lastIndexOf(body);
  if (start <= 0) return 0;
  // The body as rendered starts at its first non-blank line.
  const firstLine =
    String(file.value)
      .match(/^\s*\n/)?.[0]
      .split('\n').length ?? 1;
  return whole.slice(0, start).split('\n').length - firstLine;
}

/** Line of an id in the file's frontmatter (the Markdown body starts after it). */
function frontmatterLine(file: VFile, id: string): number {
  const text = sourceText(file);
  const lines = text.split('\n');
  const end = lines.indexOf('---', 1);
  const within = lines.slice(0, end === -1 ? lines.length : end);
  const found = within.findIndex((line) => new RegExp(`(^|[\\s,\\[-])${id}([\\s,\\]]|$)`).test(line));
  if (found !== -1) return found + 1;
  const key = within.findIndex((line) => /^sources\s*:/.test(line));
  return key === -1 ? 1 : key + 1;
}
