import type { MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentProblem } from '../../core/content-error';
import { clearNoteProblems, recordNoteProblems } from './render-problems';

/**
 * `.md` notes get exactly the checks and failures `.mdx` notes get. Astro renders a `.md` note while it syncs
 * content, where a plugin's error is only logged (`[ERROR] [glob-loader]`) and the page ships with an empty body;
 * and it renders the body without the frontmatter, so every position counts from the end of the frontmatter.
 * Here the renderer gets the whole file with its frontmatter blanked (positions count from the top of the file,
 * as in `.mdx`), and each failure is kept for the build to fail on (render-problems.ts).
 */

/** The problems a failed render reports: a ContentError's own, or its message at the file. */
function problemsOf(file: string, error: unknown): ContentProblem[] {
  const problems = (error as { problems?: unknown }).problems;
  if (Array.isArray(problems)) return problems as ContentProblem[];
  const message = error instanceof Error ? error.message : String(error);
  // Astro prefixes the message with the file's absolute path, which the problem already names.
  return [{ file, message: message.replace(/^Failed to parse Markdown file "[^"]*":\n/, '') }];
}

/**
 * The file with its frontmatter replaced by spaces, line breaks kept: Markdown reads blank lines, and every position
 * stays the file's. Done by hand, not with Astro's parseFrontmatter, so that YAML errors stay the frontmatter
 * check's to report.
 */
export function blankFrontmatter(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
}

/** The note as written, frontmatter blanked, when `body` is its body; else `body` itself. */
function fromTheTop(path: string, body: string): string {
  let whole: string;
  try {
    whole = readFileSync(path, 'utf8');
  } catch {
    return body;
  }
  const content = blankFrontmatter(whole);
  return content.trim() === body.trim() ? content : body;
}

/** `processor`, rendering `.md` notes from the top of the file and keeping every failure. */
export function renderingFromTheTop<Options extends object>(
  processor: MarkdownProcessor<Options>,
): MarkdownProcessor<Options> {
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    const renderer = await createRenderer(shared);
    return {
      render: async (content, options) => {
        const path = options?.fileURL && fileURLToPath(options.fileURL);
        if (!path) return renderer.render(content, options);
        const file = relative(process.cwd(), path);
        clearNoteProblems(file);
        try {
          return await renderer.render(fromTheTop(path, content), options);
        } catch (error) {
          recordNoteProblems(file, problemsOf(file, error));
          throw error;
        }
      },
    };
  };
  return processor;
}
