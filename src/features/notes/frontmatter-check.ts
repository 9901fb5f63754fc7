/**
 * Frontmatter problems as a contributor needs them: file, line and column of
 * the field, and what to write instead. Astro reports the same schema errors
 * at `file:0:0` under a stack trace; this runs first so the fix is obvious.
 */
import { isMap, LineCounter, parseDocument, Parser, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * The YAML between the opening `---` and the closing `---`, and the line it
 * starts on (1-based). The YAML parser finds the closing marker: the second
 * document start of the file read as a YAML stream, where a `---` inside a
 * quoted or block value does not end the block.
 */
export function splitFrontmatter(text: string): { yaml: string; firstLine: number } | undefined {
  const opening = /^\uFEFF?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!opening) return undefined;
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  for (const token of parser.parse(text)) {
    if (token.type !== 'document') continue;
    // The first document is complete when the parser reaches the next marker: the closing `---`, if that is what it is.
    const closing = parser.offset;
    const closes = /^---[ \t]*(?:\r?\n|$)/.test(text.slice(closing)) && /(^|\n)$/.test(text.slice(0, closing));
    if (!closes) return undefined;
    const start = opening[0].length;
    return { yaml: text.slice(start, closing), firstLine: lines.linePos(start).line };
  }
  return undefined;
}

type Schema = z.ZodObject<Record<string, z.ZodType>>;

/** Checks a note's frontmatter against `schema`; an empty list means it is valid. */
export function checkFrontmatter(file: string, text: string, schema: Schema): Problem[] {
  const fields = Object.keys(schema.shape);
  const required = fields.filter((field) => !schema.shape[field]!.safeParse(undefined).success);
  const frontmatter = splitFrontmatter(text);
  if (!frontmatter) {
    return [
      {
        file,
        line: 1,
        column: 1,
        message: `no frontmatter: start the file with a "---" block that sets ${required.join(', ')} (see CONTRIBUTING.md, "Frontmatter").`,
      },
    ];
  }
  const lines = new LineCounter();
  const doc = parseDocument(frontmatter.yaml, { lineCounter: lines, uniqueKeys: true });
  const at = (offset: number | undefined, message: string): Problem => {
    const pos = offset === undefined ? { line: 0, col: 1 } : lines.linePos(offset);
    return { file, line: pos.line + frontmatter.firstLine - 1, column: pos.col, message };
  };

  if (doc.errors.length > 0) {
    return doc.errors.map((error) =>
      at(
        error.pos[0],
        `frontmatter is not valid YAML (${firstLine(error.message)}); quote a value that contains ": " or starts with a quote.`,
      ),
    );
  }
  if (!isMap(doc.contents)) {
    return [at(0, `frontmatter must be "field: value" lines setting ${required.join(', ')}.`)];
  }

  const result = schema.safeParse(doc.toJS());
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        at(
          keyOffset(doc, [key]),
          `unknown field "${key}": remove it or correct its spelling (the fields are ${fields.join(', ')}).`,
        ),
      );
    }
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const name = path.join('.');
    if (issue.code === 'invalid_type' && doc.getIn(path) === undefined && path.length === 1) {
      return [at(0, `missing field "${name}": add a line "${name}: …" to the frontmatter.`)];
    }
    return [at(valueOffset(doc, path), `field "${name}": ${issue.message}`)];
  });
}

/** The parser's message without its own position, which counts from the `---` line rather than the file's start. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+/, '').replace(/:$/, '');
}

function keyOffset(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path.at(-1));
  return (pair?.key as Node | undefined)?.range?.[0];
}

/** Where the value at `path` starts, else its nearest existing ancestor's key. */
function valueOffset(doc: Document, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node?.range) return node.range[0];
    const key = keyOffset(doc, path.slice(0, depth));
    if (key !== undefined) return key;
  }
  return undefined;
}
