/**
 * Job 1: is this a note in the notes' style (one `## Title`, `###`/`####`
 * sections), and what does it become: its title and slug, the title moved out
 * of the body, the sections moved up one level.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { kebabId } from '../../src/core/slug';
import { descendants, endOfBlankLines, line, offset, plain, type Edit } from './markdown';
import { NotANoteError } from './types';

export interface Outline {
  title: string;
  slug: string;
  /** Everything under the title. */
  rest: RootContent[];
  /** Every section heading, at any depth. */
  headings: Heading[];
  /** The title out of the body (it becomes frontmatter), sections one level up. */
  edits: Edit[];
}

export function readOutline(tree: Root, text: string, file: string): Outline {
  const titleHeading = findTitle(tree, file);
  const title = plain(titleHeading);
  // The file's name, hence its URL: ASCII letters, digits and hyphens, the names the content check accepts
  // (src/features/notes/note-files.ts) and github-slugger leaves as they are; "Café" is cafe.mdx.
  const slug = kebabId(title);
  if (!slug) {
    throw new NotANoteError(
      file,
      line(titleHeading),
      'the title heading has no Latin letters or digits to name the page by: add a few to the "## Title" (e.g. a Latin transcription).',
    );
  }
  const rest = tree.children.filter((node) => node !== titleHeading);
  const secondTitle = rest.find((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  if (secondTitle) {
    throw new NotANoteError(
      file,
      line(secondTitle),
      `a note has one "## Title" and "###"/"####" sections, but this is another level-${secondTitle.depth} heading. Split the file into one note per "##" title, or make this a "###" section.`,
    );
  }
  if (rest.length === 0)
    throw new NotANoteError(file, line(titleHeading), 'the note has a title but nothing under it.');

  // The title becomes frontmatter; the page's <h1> comes from there.
  const edits: Edit[] = [
    { start: offset(titleHeading, 'start'), end: endOfBlankLines(text, offset(titleHeading, 'end')), text: '' },
  ];
  // `###` sections become `##`: the page has one <h1>, and the outline starts at <h2>.
  const headings = rest.flatMap((node) => descendants(node)).filter((node): node is Heading => node.type === 'heading');
  const shift = headings.length > 0 ? Math.max(0, Math.min(...headings.map((heading) => heading.depth)) - 2) : 0;
  if (shift > 0) {
    for (const heading of headings) {
      const start = offset(heading, 'start');
      if (text[start] === '#') edits.push({ start, end: start + shift, text: '' });
    }
  }
  return { title, slug, rest, headings, edits };
}

function findTitle(tree: Root, file: string): Heading {
  const [first] = tree.children;
  if (!first) throw new NotANoteError(file, 1, 'the file is empty; a note starts with a "## Title" heading.');
  if (first.type !== 'heading' || first.depth !== 2) {
    const found = first.type === 'heading' ? `a level-${first.depth} heading` : `a ${first.type}`;
    throw new NotANoteError(
      file,
      line(first),
      `this is not a note in the notes' style: it must start with a "## Title" heading (found ${found}), followed by "###" sections.`,
    );
  }
  return first;
}
