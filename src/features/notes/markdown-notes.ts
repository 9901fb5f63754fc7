import type { AstroIntegration } from 'astro';
import type { MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, type ContentProblem } from '../../core/content-error';

/**
 * `.md` notes get exactly the checks and failures `.mdx` notes get. Astro renders a `.md` note while it syncs
 * content, where a plugin's error is only logged (`[ERROR] [glob-loader]`) and the page ships with an empty body;
 * and it renders the body without the frontmatter, so every position counts from the end of the frontmatter.
 * Here the renderer gets the whole file with its frontmatter blanked (positions count from the top of the file,
 * as in `.mdx`), and each failure is kept for `markdownNoteFailures()` to fail the build on.
 */
const failures = new Map<string, ContentProblem[]>();

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
        try {
          const result = await renderer.render(fromTheTop(path, content), options);
          failures.delete(file);
          return result;
        } catch (error) {
          failures.set(file, problemsOf(file, error));
          throw error;
        }
      },
    };
  };
  return processor;
}

/**
 * Fails `astro build` on every `.md` note that failed to render (the content sync only logged it), and makes the
 * next build render every `.md` note again: Astro's content cache would otherwise keep the failed, empty page.
 */
export function markdownNoteFailures(): AstroIntegration {
  let stampFile = '';
  let storeFile = '';
  return {
    name: 'asyncio-notes:markdown-notes',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        stampFile = join(cacheDir, 'markdown-notes-failed');
        storeFile = join(cacheDir, 'data-store.json');
        if (existsSync(stampFile) && existsSync(storeFile)) {
          rmSync(storeFile);
          logger.info('the last build failed on a note: rendering every note again');
        }
      },
      'astro:build:start': () => {
        const problems = [...failures.values()].flat();
        if (problems.length === 0) {
          rmSync(stampFile, { force: true });
          return;
        }
        mkdirSync(dirname(stampFile), { recursive: true });
        writeFileSync(stampFile, '');
        throw new ContentError('note problem', problems);
      },
    },
  };
}
