/**
 * Job 5: the page's frontmatter: its title, a description from its first
 * prose, its place in the sidebar after every existing note, and the works it
 * cites.
 */
import type { Paragraph, RootContent } from 'mdast';
import { descendants, plain } from './markdown';
import { NotANoteError, type ExistingNote, type ImportOptions, type NoteFrontmatter } from './types';

export function frontmatterOf(
  title: string,
  rest: RootContent[],
  citedSourceIds: string[],
  options: ImportOptions,
): NoteFrontmatter {
  const frontmatter: NoteFrontmatter = {
    title,
    description: describe(rest, options),
    section: options.section ?? lastSection(options.existingNotes) ?? title,
    order: Math.max(0, ...options.existingNotes.map((note) => note.order)) + 1,
    updated: options.today,
  };
  if (options.listSources && citedSourceIds.length > 0) frontmatter.sources = citedSourceIds;
  return frontmatter;
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
