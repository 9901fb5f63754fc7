/**
 * `npm run import -- path/to/note.md [--section "Name"] [--force]`
 *
 * Turns a Markdown note into content/notes/<slug>.mdx, registers the works it
 * links to that the source registry does not know yet, and says what it did.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { DESCRIPTION_MAX, noteSchema } from '../../src/features/notes/schema';
import { splitFrontmatter } from '../../src/features/notes/frontmatter-check';
import { urlCollision } from './collisions';
import { decodeNote, importNote, NotANoteError, type ExistingNote } from './note';
import { appendToRegistry, readRegistry } from './registry';
import { makePythonRunnable } from './python-blocks';
import { INSTALL_CHROMIUM } from '../lib/chromium';
import { ContentError, formatContentProblem } from '../../src/core/content-error';
import { contentDir, noteFiles } from '../../src/core/content-dir';
import { placedNotes, takenRoutes } from '../../src/features/notes/unique-routes';
import { contentFiles, unsafeName } from '../../src/features/notes/note-files';

class UsageError extends Error {}

const projectRoot = resolve(import.meta.dirname, '../..');

const notesDir = join(contentDir(), 'notes');
const registryFile = join(contentDir(), 'sources', 'sources.yaml');

/** The notes already there, as paths under the notes folder with `/` separators. */
function notesHere(): string[] {
  return noteFiles(notesDir).map((path) => relative(notesDir, path).split(sep).join('/'));
}

/** An existing note's frontmatter values, read with the YAML parser's own limit on alias expansion. */
function frontmatterData(file: string): Partial<ExistingNote> | null {
  const frontmatter = splitFrontmatter(readFileSync(join(notesDir, file), 'utf8'));
  if (!frontmatter) return null;
  try {
    const doc = parseDocument(frontmatter.yaml);
    if (doc.errors.length > 0) throw doc.errors[0]!;
    return doc.toJS({ maxAliasCount: 100 }) as Partial<ExistingNote> | null;
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(
      `${join(notesDir, file)}: its frontmatter cannot be read (${why}); run \`npm run check\`, which names the line, fix it, then import again.`,
    );
  }
}

function existingNotes(files: readonly string[]): ExistingNote[] {
  return files.flatMap((file) => {
    const data = frontmatterData(file);
    if (!data || typeof data.order !== 'number') return [];
    return [
      {
        id: file.replace(/\.mdx$/, ''),
        title: String(data.title),
        section: String(data.section),
        order: data.order,
      },
    ];
  });
}

function minDescription(): number {
  const probe = noteSchema.shape.description.safeParse('');
  const minimum = probe.success ? 0 : /at least (\d+)/.exec(probe.error.issues[0]?.message ?? '')?.[1];
  return Number(minimum ?? 40);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, section: { type: 'string' } },
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) {
    throw new UsageError('Usage: npm run import -- path/to/note.md [--section "Sidebar section"] [--force]');
  }
  if (!existsSync(source)) throw new UsageError(`${source}: no such file.`);
  if (!['.md', '.markdown'].includes(extname(source).toLowerCase())) {
    throw new UsageError(
      `${source}: not a Markdown note; the importer reads .md files written as a "## Title" and "###" sections.`,
    );
  }
  const bytes = readFileSync(source);
  if (bytes.includes(0)) throw new UsageError(`${source}: this is a binary file, not a Markdown note.`);
  const text = decodeNote(bytes, source);

  const registry = readRegistry(registryFile);
  const files = notesHere();
  const note = importNote(text, {
    file: source,
    existingNotes: existingNotes(files),
    lookupSource: registry.lookup,
    takenSourceIds: registry.ids,
    today: new Date().toISOString().slice(0, 10),
    descriptionMax: DESCRIPTION_MAX,
    descriptionMin: minDescription(),
    section: values.section,
    listSources: 'sources' in noteSchema.shape,
  });

  const target = join(notesDir, `${note.slug}.mdx`);
  // What the check would refuse is refused here, before anything is written.
  const unsafe = unsafeName(basename(target));
  if (unsafe) {
    throw new UsageError(
      `the title "${note.frontmatter.title}" gives the file name ${target}, which the check refuses (${unsafe.replace(/\.$/, '')}); nothing was written. Give the note another "## Title".`,
    );
  }
  const invalid = noteSchema.safeParse(note.frontmatter);
  if (!invalid.success) {
    const issue = invalid.error.issues[0]!;
    throw new UsageError(
      `${source}: field "${issue.path.join('.')}": ${issue.message.replace(/\.$/, '')}; nothing was written.`,
    );
  }
  const paths = files.map((file) => join(notesDir, file));
  const collision = urlCollision({
    notesDir,
    files: paths,
    placed: placedNotes(notesDir, paths),
    taken: takenRoutes(projectRoot),
    target,
    frontmatter: note.frontmatter,
  });
  if (collision) throw new UsageError(collision);
  // A link on the way to the target (the content or notes folder, the file --force replaces) would be written through.
  const linked = contentFiles(contentDir()).problems.find((problem) =>
    [target, notesDir, contentDir()].some((path) => resolve(problem.file) === resolve(path)),
  );
  if (linked) throw new UsageError(`${formatContentProblem(linked).replace(/\.$/, '')}; nothing was written.`);
  if (existsSync(target) && !values.force) {
    throw new UsageError(
      `${target} already exists; nothing was written. Import under another title, edit that page, or pass --force to replace it.`,
    );
  }
  // Python blocks that run cleanly in the sandbox become runnable snippets (python-blocks.ts).
  const python = await makePythonRunnable(note.mdx, source);
  // Loaded only to write: a refused note is answered without its half second of start-up.
  const prettier = await import('prettier');
  const options = { ...(await prettier.resolveConfig(target)), filepath: target };
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await prettier.format(python.mdx, options));
  if (note.newSources.length > 0) appendToRegistry(registryFile, note.newSources, relative(process.cwd(), source));

  const { counts, frontmatter } = note;
  const reused = note.citedSourceIds.filter((id) => !note.newSources.some((created) => created.id === id));
  const lines = [
    `Created ${target}`,
    `  title        ${frontmatter.title}`,
    `  description  ${frontmatter.description}`,
    `  sidebar      "${frontmatter.section}", order ${frontmatter.order}`,
    `  content      ${counts.sections} sections, ${counts.quotes} quotes, ${counts.links} links, ${counts.tables} tables, ${counts.codeBlocks} code blocks`,
    note.newSources.length > 0
      ? `Registered ${note.newSources.length} new source(s) in ${registryFile}: ${note.newSources.map((s) => s.id).join(', ')}\n  Their titles are guessed from the links: check title, authors, year and kind there.`
      : `No new sources: every link is already registered.`,
    reused.length > 0 ? `Cites registered source(s): ${reused.join(', ')}` : '',
    ...(python.report.length > 0 ? ['Python blocks:', ...python.report.map((line) => `  ${line}`)] : []),
    ...note.warnings.map((warning) => `Warning: ${warning}`),
    `Next: read the page with \`npm run dev\`, run \`npm run check\`, then open a pull request.`,
  ];
  console.log(lines.filter(Boolean).join('\n'));
}

main().catch((error: unknown) => {
  // INSTALL_CHROMIUM: a note with Python blocks runs them in Chromium (python-sandbox.ts), which this machine lacks.
  const missingChromium = error instanceof Error && error.message === INSTALL_CHROMIUM;
  if (
    error instanceof NotANoteError ||
    error instanceof UsageError ||
    error instanceof ContentError ||
    missingChromium
  ) {
    console.error(`import: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
});
