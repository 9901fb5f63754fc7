/**
 * The content step's pass over every note through the build's own plugins, so that one run reports every problem a
 * pull request has, each at its file:line:column: what the plugins refuse (citations, tables, snippets, the content
 * policy), collected plugin by plugin instead of stopping at a note's first, and the links and anchors between
 * notes, judged against the ids the plugins gave each note. The build checks the same again on the built site.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Element, Root as Hast } from 'hast';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified, type Pluggable, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { transformerStyleToClass } from '@shikijs/transformers';
import { closest } from '../../src/core/closest.ts';
import type { ContentProblem } from '../../src/core/content-error.ts';
import { decodeEscapes } from '../../src/features/links/browser-url.ts';
import { sectionSlug, buildSections } from '../../src/features/notes/navigation.ts';
import { splitFrontmatter } from '../../src/features/notes/frontmatter-check.ts';
import { noteId, type PlacedNote } from '../../src/features/notes/unique-routes.ts';
import { parseNote } from '../../src/markdown/parse-note.ts';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';

/** MDX's own nodes go through remark-rehype as @mdx-js/mdx passes them. */
const TO_HAST: ToHastOptions = {
  allowDangerousHtml: true,
  passThrough: ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'],
};

const isContentError = (error: unknown): error is { problems: ContentProblem[] } =>
  Array.isArray((error as { problems?: unknown } | null)?.problems);

/** The plugin, but a content error it throws is recorded and the note goes on to the next plugin. */
function collecting(pluggable: Pluggable, problems: ContentProblem[]): Pluggable {
  const [attacher, ...options] = (Array.isArray(pluggable) ? pluggable : [pluggable]) as [Plugin, ...unknown[]];
  function wrapped(this: unknown, ...args: unknown[]) {
    const transformer = (attacher as (...a: unknown[]) => unknown).apply(this, args);
    if (typeof transformer !== 'function') return transformer;
    return async (...input: unknown[]) => {
      try {
        return await (transformer as (...a: unknown[]) => unknown)(...input);
      } catch (error) {
        if (!isContentError(error)) throw error;
        problems.push(...error.problems);
        return undefined;
      }
    };
  }
  return [wrapped as Plugin, ...options] as Pluggable;
}

/** One note as the pipeline left it: its page, the ids on it and the links it writes. */
interface RenderedNote {
  file: string;
  page: string;
  ids: Set<string>;
  links: { href: string; line?: number | undefined; column?: number | undefined }[];
}

/** The build's plugins, each collecting its content errors into `problems`: made once, for every note. */
function collectingProcessor(problems: ContentProblem[]) {
  const state = { codeStyles: transformerStyleToClass() };
  return unified()
    .use(remarkPlugins(state).map((plugin) => collecting(plugin as Pluggable, problems)))
    .use(remarkRehype, TO_HAST)
    .use(rehypePlugins(state).map((plugin) => collecting(plugin as Pluggable, problems)));
}

async function render(
  file: string,
  processor: ReturnType<typeof collectingProcessor>,
  problems: ContentProblem[],
): Promise<Hast | undefined> {
  const text = readFileSync(file, 'utf8');
  let parsed;
  try {
    parsed = parseNote(file, text);
  } catch (error) {
    if (!isContentError(error)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
  const frontmatter = splitFrontmatter(text);
  let data: unknown = {};
  try {
    data = frontmatter ? parseYaml(frontmatter.yaml) : {};
  } catch {} // The frontmatter check reports the YAML.
  parsed.file.data.astro = { frontmatter: (data ?? {}) as Record<string, unknown> };
  return (await processor.run(parsed.tree, parsed.file)) as Hast;
}

function readRendered(file: string, page: string, tree: Hast): RenderedNote {
  const ids = new Set<string>();
  const links: RenderedNote['links'] = [];
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      links.push({ href: node.properties.href, line: node.position?.start.line, column: node.position?.start.column });
    }
  });
  return { file, page, ids, links };
}

export interface SiteIds {
  /** The site's base path, e.g. `/` or `/repo/`. */
  base: string;
  /** Ids of /sources/ (one per registered source). */
  sourceIds: ReadonlySet<string>;
  /** Pages that are not notes and whose anchors are not judged here (home, 404, files under public/). */
  otherPages: ReadonlySet<string>;
}

/** A link of a note to a page or anchor of this site that does not exist. */
function linkProblems(notes: readonly RenderedNote[], sections: ReadonlySet<string>, site: SiteIds): ContentProblem[] {
  const pages = new Map<string, ReadonlySet<string> | undefined>([
    ...notes.map((note) => [note.page, note.ids] as const),
    ...[...sections].map((page) => [page, undefined] as const),
    ...[...site.otherPages].map((page) => [page, undefined] as const),
    ['/sources/', site.sourceIds],
  ]);
  const problems: ContentProblem[] = [];
  for (const note of notes) {
    const here = new URL(`${site.base}${note.page.slice(1)}`, 'http://site.invalid');
    for (const link of note.links) {
      let url: URL;
      try {
        url = new URL(link.href, here);
      } catch {
        continue; // The content policy reports addresses the browser cannot read.
      }
      if (url.origin !== here.origin || !url.pathname.startsWith(site.base)) continue;
      const path = `/${decodeEscapes(url.pathname.slice(site.base.length)) ?? ''}`;
      const at = { file: note.file, line: link.line, column: link.column };
      if (!pages.has(path)) {
        const hint = closest(path, [...pages.keys()], (page) => page);
        problems.push({
          ...at,
          message: `the link to ${link.href} leads to no page of the site.${hint ? ` Did you mean ${hint}?` : ''} Link to an existing note by its path.`,
        });
        continue;
      }
      const fragment = decodeEscapes(url.hash.slice(1));
      const ids = pages.get(path);
      if (!fragment || fragment === 'top' || ids === undefined || ids.has(fragment)) continue;
      const hint = closest(fragment, [...ids], (id) => id);
      problems.push({
        ...at,
        message: `the link to ${link.href} points to #${fragment}, but ${path} has no heading or anchor with that id.${hint ? ` Did you mean #${hint}?` : ''} Link to an existing heading, or restore the one that was renamed.`,
      });
    }
  }
  return problems;
}

/**
 * Every problem the plugins and the links between notes find in `files` (paths from the project root), placed as
 * `placed` says (the notes whose frontmatter is valid).
 */
export async function notesAtOnce(
  notesDir: string,
  files: readonly string[],
  placed: readonly PlacedNote[],
  site: SiteIds,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const rendered: RenderedNote[] = [];
  const processor = collectingProcessor(problems);
  for (const file of files) {
    const tree = await render(file, processor, problems);
    const id = noteId(relative(notesDir, file));
    if (tree) rendered.push(readRendered(file, id === '' ? '/' : `/${id}/`, tree));
  }
  const sections = new Set(
    buildSections(placed).map((section) => `/${sectionSlug(section.label, section.notes[0]!.id)}/`),
  );
  problems.push(...linkProblems(rendered, sections, site));
  return problems;
}
