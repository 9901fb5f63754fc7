import { relative } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { find, html } from 'property-information';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../../core/content-error';
import type { NoteProblems } from '../notes/render-problems';
import { weightProblems, type ShownImage } from './note-weight';
import { toString } from 'mdast-util-to-string';
import { attributeProblems, elementProblem, headingProblem, imageProblem, siteImages, urlProblem } from './rules';

/** MDX's syntax-tree nodes, as far as the policy reads them (mdast-util-mdx-jsx, -expression, -esm). */
interface Estree {
  body: { type: string; expression?: EstreeExpression }[];
}
interface EstreeExpression {
  type: string;
  value?: unknown;
  regex?: unknown;
  expressions?: unknown[];
  quasis?: { value: { cooked?: string | null | undefined } }[];
}
interface WithEstree {
  data?: { estree?: Estree | null | undefined } | undefined;
}
interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | ({ type: 'mdxJsxAttributeValueExpression'; value: string } & WithEstree);
  position?: Position | undefined;
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: Position | undefined;
}

/**
 * The value of an MDX expression when it is nothing but a literal (`{'{'}`, `{42}`, `{/* note *\/}` → ''), else
 * undefined: anything else is JavaScript that Node would run while building the site.
 */
function literalOf(node: WithEstree): string | undefined {
  const body = node.data?.estree?.body;
  if (!body) return undefined;
  if (body.length === 0) return '';
  const [statement] = body;
  const expression = body.length === 1 && statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (expression?.type === 'Literal' && expression.regex === undefined && typeof expression.value !== 'bigint') {
    return String(expression.value);
  }
  if (expression?.type === 'TemplateLiteral' && expression.expressions?.length === 0) {
    return expression.quasis?.[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

const CODE_NOT_ALLOWED =
  'is JavaScript, which Node runs while the site is built. A note may hold only text: write \\{ and \\} for the characters, {/* … */} for a comment, or put code in a fenced block.';

const excerpt = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
};

export interface ContentPolicyOptions {
  /** The site's public folder, where the images a note shows are weighed. */
  publicDir?: string;
  /** The build's list of every note's problems: while it collects, a refused note is recorded and compiled empty. */
  problems?: NoteProblems;
}

/**
 * Fails the build on markup in a note that could run script, redirect, submit, embed or load from another site,
 * on attributes and classes outside the allow-list (features' hooks such as `data-*`, `hidden`, `class`), on MDX code
 * (`import`/`export`, `{expressions}` other than literals, spread attributes), on components not in the allow-list,
 * on links written as HTML/JSX (they skip the source registry), on addresses the browser reads otherwise than they
 * look, and on images that are not image files or weigh more than the page's media budget: each with
 * file:line:column and what to write instead. First in the pipeline, so it reads only what the author wrote. Notes
 * are MDX, so every element a note writes is a JSX node here, with its attributes as written.
 */
export function remarkContentPolicy(options: ContentPolicyOptions = {}) {
  const publicDir = options.publicDir ?? 'public';
  return (tree: Root, file: VFile) => {
    const path = file.path ? relative(process.cwd(), file.path) : '<markdown>';
    const problems: ContentProblem[] = [];
    const report = (node: { position?: Position | undefined }, message: string) =>
      problems.push({ file: path, line: node.position?.start.line, column: node.position?.start.column, message });
    const images: ShownImage[] = [];
    const showImages = (node: ShownImage['node'], attribute: string, value: string) => {
      for (const path of siteImages(attribute, value)) images.push({ path, node });
    };

    visit(tree, (node: Nodes) => {
      switch (node.type) {
        case 'link':
        case 'image':
        case 'definition': {
          const attribute = node.type === 'image' ? 'src' : 'href';
          const problem =
            urlProblem(attribute, node.url) ?? (node.type === 'image' ? imageProblem('src', node.url) : undefined);
          if (problem) report(node, `${node.type === 'image' ? '![…]' : '[…]'}(…): ${problem}`);
          else if (node.type === 'image') showImages(node, 'src', node.url);
          return;
        }
        case 'heading': {
          const problem = headingProblem(toString(node));
          if (problem) report(node, problem);
          return;
        }
        case 'mdxjsEsm':
          report(
            node,
            `\`${excerpt(node.value)}\` is an import or export: module code, which Node runs while the site is built, and notes may not use components. If it is prose, start the line with another word.`,
          );
          return;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (literalOf(node) === undefined) report(node, `{${excerpt(node.value)}} ${CODE_NOT_ALLOWED}`);
          return;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkJsx(node as unknown as JsxElement, report, showImages);
          return;
        default:
          return;
      }
    });

    for (const { node, message } of weightProblems(images, publicDir)) report(node, message);
    if (problems.length === 0) return;
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (!options.problems?.collecting) throw new ContentError('content-policy problem', problems);
    // In a build: keep going, so one build lists every note's problems, but with nothing of this note left to
    // compile, run or render; the build fails once all notes are compiled (render-problems.ts).
    options.problems.record(path, problems);
    tree.children = [];
  };
}

type Report = (node: { position?: Position | undefined }, message: string) => void;
/** Records the images an image attribute shows, for the note's weight. */
type ShowImages = (node: ShownImage['node'], attribute: string, value: string) => void;

/** The attribute's value, checked, and counted in the note's weight when it is an image's. */
function checkAttribute(
  node: { position?: Position | undefined },
  element: string,
  name: string,
  value: string | undefined,
  report: Report,
  showImages: ShowImages,
  attribute = name.toLowerCase(),
) {
  const messages = attributeProblems(element, name, value, attribute);
  for (const message of messages) report(node, message);
  if (messages.length === 0 && value !== undefined && element.toLowerCase() === 'img')
    if (attribute === 'src' || attribute === 'srcset') showImages(node, attribute, value);
}

function checkJsx(node: JsxElement, report: Report, showImages: ShowImages) {
  // `<>…</>` (a fragment) renders nothing of its own.
  if (node.name === null) return;
  const problem = elementProblem(node.name);
  if (problem) report(node, problem);
  for (const attribute of node.attributes) {
    const where = attribute.position ? attribute : node;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        where,
        `a spread attribute {…} on <${node.name}> is JavaScript, which Node runs while the site is built. Write each attribute as name="value".`,
      );
      continue;
    }
    const name = attribute.name ?? '';
    let value: string | undefined;
    if (typeof attribute.value === 'string') value = attribute.value;
    else if (attribute.value) {
      value = literalOf(attribute.value);
      if (value === undefined) {
        report(where, `${name}={${excerpt(attribute.value.value)}} on <${node.name}> ${CODE_NOT_ALLOWED}`);
        continue;
      }
    }
    // As the page will have it: `className` is `class`, `tabIndex` is `tabindex`, `dataFoo` is `data-foo`.
    checkAttribute(where, node.name, name, value, report, showImages, find(html, name).attribute.toLowerCase());
  }
}
