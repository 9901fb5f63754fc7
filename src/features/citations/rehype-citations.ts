import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ContentError, problemFile, type ContentProblem } from '../../core/content-error';
import { handToPage } from '../../core/page-data';
import { loadRegistry, type Registry } from './registry';
import { resolveHref, SOURCE_SCHEME } from './resolve';
import { clearFailure, recordFailure } from './failures';
import {
  attributedQuote,
  citationMarker,
  creditOf,
  PAGE_CITATIONS,
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

/** The build error for a note's citation problems. */
const citationError = (problems: readonly ContentProblem[]) => new ContentError('citation', problems);

type Parent = Root | Element | (RootContent & { children: RootContent[] });

function isElement<Tag extends string>(node: RootContent | undefined, tag?: Tag): node is Element & { tagName: Tag } {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}
const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';

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
  return /^source:?$/i.test(toString(only).trim()) ? only : undefined;
}

/**
 * Turns links to registered works into citations and `> quote` + `[Source](…)`
 * into attributed quotations, appends the page's "Sources" section, and fails
 * the build on any link to an unregistered work, unknown id or malformed URL.
 * Runs after assignHeadingIds (headings/heading-ids.ts): a citation's section is the id of the heading above it.
 */
export function rehypeCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    let registry: Registry;
    const registryFileKey = options.registryFile ?? 'source registry';
    try {
      registry = loadRegistry(options.registryFile);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      recordFailure(registryFileKey, error.problems);
      throw citationError(error.problems);
    }
    clearFailure(registryFileKey);
    const path = problemFile(file);
    const problems: ContentProblem[] = [];
    const works = new Map<string, CitedWork>();
    let section: CitingPlace['section'] = null;

    // Only a failing page needs its line offset, which costs a read of the file.
    let lineOffset: number | undefined;
    /** A problem at a node, counted in lines of the file as written. */
    const problemAt = (
      node: { position?: { start: { line: number; column: number } } | undefined },
      message: string,
    ): ContentProblem => {
      if (!node.position) return { file: path, message };
      lineOffset ??= bodyLineOffset(file);
      return {
        file: path,
        line: node.position.start.line + lineOffset,
        column: node.position.start.column,
        message,
      };
    };
    const linkText = (link: Element) => `[${toString(link)}](${String(link.properties.href)})`;

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
        problems.push(problemAt(link, `${linkText(link)} ${resolution.problem}`));
        return [];
      }
      if (resolution.kind !== 'citation') return [];
      const { source } = resolution;
      const text = toString(link).trim();
      // A bare URL (or an empty `[](source:id)`) says nothing to a reader: show who wrote what instead.
      const bare = text === '' || text === href;
      if (bare) link.children = [{ type: 'text', value: source.title }];
      if (href.startsWith(SOURCE_SCHEME)) link.properties.href = resolution.href;
      const { anchor, number } = cite(source.id);
      link.properties = { ...link.properties, className: ['citation'], dataCites: source.id };
      return [
        ...(bare ? [{ type: 'text', value: ` — ${creditOf(source)}` } as const] : []),
        citationMarker(source, number, anchor),
      ];
    };

    const walk = (parent: Parent) => {
      const children = parent.children as RootContent[];
      for (let index = 0; index < children.length; index += 1) {
        const node = children[index];
        if (!node) continue;
        if (isElement(node) && /^h[2-6]$/.test(node.tagName) && typeof node.properties.id === 'string') {
          section = { slug: node.properties.id, text: toString(node) };
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
              problemAt(
                attribution,
                `${linkText(attribution)} ${
                  resolution.kind === 'error'
                    ? resolution.problem
                    : 'attributes a quotation, so it must point to a registered work: an http(s) URL from the registry or source:<id>.'
                }`,
              ),
            );
            index = next;
          }
          continue;
        }
        const lone = loneSourceLink(node);
        if (lone) {
          problems.push(
            problemAt(
              lone,
              `${linkText(lone)} attributes a quotation, but no block quote comes right before it. Put the "> quoted text" directly above it, or give the link a descriptive text.`,
            ),
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
            problemAt(
              node,
              `<a href="${jsxHref}"> is an external link written as JSX, which the citation check cannot follow. Write it as a Markdown link, [text](${jsxHref}), so it resolves against the registry.`,
            ),
          );
          continue;
        }
        if ('children' in node) walk(node as Parent);
      }
    };
    walk(tree);

    const listed: unknown = file.data.astro?.frontmatter?.sources;
    for (const id of Array.isArray(listed) ? listed.map(String) : []) {
      const resolution = resolveHref(`${SOURCE_SCHEME}${id}`, registry);
      if (resolution.kind === 'error') {
        problems.push({
          file: path,
          line: frontmatterLine(file, id),
          message: `frontmatter "sources" ${resolution.problem}`,
        });
      } else if (!works.has(id)) {
        works.set(id, { id, places: [] });
      }
    }

    if (problems.length > 0) {
      recordFailure(path, problems);
      throw citationError(problems);
    }
    clearFailure(path);
    if (works.size === 0) return;

    const sectionSlug = freeId('sources', tree);
    const entries = [...works.values()].map((work) => ({ work, source: registry.byId.get(work.id)! }));
    tree.children.push(sourcesSection(sectionSlug, entries, options.sourcesPageHref));
    handToPage(file, PAGE_CITATIONS, { sectionSlug, works: [...works.values()] } satisfies PageCitations);
  };
}

/** `wanted`, or `wanted-1`, `wanted-2`… (as github-slugger counts): the first id no element of the page has yet. */
function freeId(wanted: string, tree: Root): string {
  const taken = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id);
  });
  let id = wanted;
  for (let n = 1; taken.has(id); n += 1) id = `${wanted}-${n}`;
  return id;
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
