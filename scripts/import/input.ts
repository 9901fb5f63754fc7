/**
 * Job 0: the file as text. A note must be UTF-8 (anything else would turn
 * `é` into U+FFFD without a word), and must not bring frontmatter of its own:
 * the importer writes the page's frontmatter, and never expands a YAML
 * document it was handed (an alias bomb expands exponentially).
 */
import { isAlias, parseDocument, visit } from 'yaml';
import { splitFrontmatter } from '../../src/features/notes/frontmatter-check';
import { NotANoteError } from './types';

/** The file's bytes as UTF-8 text; a byte sequence that is not UTF-8 is refused at its line. */
export function decodeNote(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lines = Buffer.from(bytes).toString('latin1').split('\n');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const at = lines.findIndex((text) => {
      try {
        decoder.decode(Buffer.from(text, 'latin1'));
        return false;
      } catch {
        return true;
      }
    });
    const byte = [...(lines[at] ?? '')].find((char) => char.charCodeAt(0) >= 0x80)?.charCodeAt(0) ?? 0;
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    throw new NotANoteError(
      file,
      at + 1,
      `the file is not UTF-8 text (byte ${hex}), probably Latin-1 or Windows-1252: convert it with \`iconv -f latin1 -t utf-8 ${file} > note-utf8.md\` and import that.`,
    );
  }
}

/** Refuses a note that starts with a frontmatter block, saying why, without building its values. */
export function refuseFrontmatter(text: string, file: string): void {
  const frontmatter = splitFrontmatter(text);
  if (!frontmatter) return;
  // Parsing builds the syntax tree only; aliases stay unexpanded references.
  let aliases = 0;
  visit(parseDocument(frontmatter.yaml), {
    Alias: (_, node) => {
      if (isAlias(node)) aliases++;
    },
  });
  const why =
    aliases > 0
      ? `the file starts with a YAML frontmatter block that uses ${aliases} alias(es) (*name), which can expand to gigabytes (a "billion laughs" document); the importer reads no frontmatter`
      : 'the file starts with a YAML frontmatter block; the importer writes the frontmatter itself';
  throw new NotANoteError(file, 1, `${why}: delete the block and start the file with the "## Title" heading.`);
}
