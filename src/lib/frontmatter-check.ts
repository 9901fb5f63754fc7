/**
 * Checks a note's frontmatter against its schema before Astro reads it, and says
 * what is wrong in a reader's terms: the file, the line, the field and the fix.
 * Pure: takes the file's text, returns problems; src/integrations/content-check.ts
 * runs it over the content tree.
 */
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { ZodType } from 'astro/zod';

export interface ContentProblem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Dotted path of the frontmatter field, or '' for the block as a whole. */
  field: string;
  message: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function checkFrontmatter(source: string, file: string, schema: ZodType): ContentProblem[] {
  const block = FENCE.exec(source);
  if (!block) {
    return [
      {
        file,
        line: 1,
        field: '',
        message: 'The file has no frontmatter. Start it with a block between two "---" lines (title, description, …).',
      },
    ];
  }
  const yamlText = block[1] ?? '';
  const lines = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  // The YAML starts on the line after the opening fence.
  const lineAt = (offset: number) => lines.linePos(offset).line + 1;
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      file,
      line: lineAt(error.pos[0]),
      field: '',
      message: `The frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  const data: unknown = document.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return [];

  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineAt(node.range[0]);
      if (depth === 1 && isMap(document.contents)) {
        const pair = document.contents.items.find((item) => String(item.key) === String(path[0]));
        const key = pair?.key as { range?: [number, number, number] } | undefined;
        if (key?.range) return lineAt(key.range[0]);
      }
    }
    return 1;
  };

  return result.error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        line: lineOf([...issue.path, key]),
        field: [...issue.path, key].join('.'),
        message: `Unknown field. Fix its spelling or remove it.`,
      }));
    }
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && document.getIn(issue.path) === undefined;
    return [
      {
        file,
        line: missing ? 1 : lineOf(issue.path),
        field,
        message: missing ? `Missing field: add "${field}:" to the frontmatter. ${issue.message}` : issue.message,
      },
    ];
  });
}

/** One problem per line, `file:line  field: message`, as editors and CI logs link them. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems
    .map((problem) => `${problem.file}:${problem.line}  ${problem.field ? `${problem.field}: ` : ''}${problem.message}`)
    .join('\n');
}
