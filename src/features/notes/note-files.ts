/**
 * Content files are what they seem. The build reads notes through Astro's glob loader, which follows symbolic links,
 * skips dot-files and turns a name's `#…` into a URL fragment; the check steps read the folder themselves. Both refuse,
 * with this module, every file they could read differently: a symbolic or hard link (text from outside content/), a
 * device or pipe, a note name outside letters, digits, "-", "_" and ".", a name that hides or fakes characters, names
 * one case apart, and any file under notes/ that is not an `.mdx` note. What passes is what both read.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { ContentProblem } from '../../core/content-error';
import { codePoint, deceptiveText } from './deceptive-text';

/** Longest file or folder name under notes/: past it, paths hit Windows' limits and URLs grow unreadable. */
export const NAME_MAX = 100;

/** Longest path of a note under notes/, for the same reasons: folders deep enough pass every name's limit. */
export const PATH_MAX = 200;

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;
const RENAME = `rename it with only letters a-z and A-Z, digits, "-", "_" and ".".`;

/** Why a character outside the safe set is refused. */
function unsafeCharacter(char: string): string {
  if (char === '#') return `"#", which a URL reads as the start of a fragment, so the build would read another file`;
  if (char === '?') return `"?", which a URL reads as the start of a query, so the build would read another file`;
  if (char === '%') return `"%", which a URL reads as an escape, so the page's address would not be its name`;
  if (char === ' ') return 'a space';
  if (/[\p{L}\p{N}]/u.test(char)) return `"${char}" (${codePoint(char)}), which is not an ASCII letter or digit`;
  if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(char)) return `"${char}"`;
  return codePoint(char);
}

/** Why a file or folder name under notes/ is refused, or undefined when it is safe. */
export function unsafeName(name: string): string | undefined {
  const deceptive = deceptiveText(name);
  if (deceptive) return `the name ${deceptive}: ${RENAME}`;
  const unsafe = [...name].find((char) => !SAFE_NAME.test(char));
  if (unsafe !== undefined) return `the name holds ${unsafeCharacter(unsafe)}: ${RENAME}`;
  if (name.startsWith('.')) {
    return `a name starting with "." is hidden, and the build skips it while the check reads it: rename it without the leading ".".`;
  }
  if (name.endsWith('.')) return `Windows drops a name's final ".": remove it.`;
  if (name.length > NAME_MAX) return `the name is ${name.length} characters long: shorten it to ${NAME_MAX} or fewer.`;
  if (/^(?:con|prn|aux|nul|com\d|lpt\d)$/i.test(name.split('.')[0]!)) {
    return `"${name.split('.')[0]}" is a device name on Windows, where the file cannot be checked out: rename it.`;
  }
  return undefined;
}

/** Why a file under notes/ is not a note, or undefined for an `.mdx` file. */
function notANote(path: string): string | undefined {
  if (/\.md$/i.test(path)) {
    return `notes are .mdx files: rename it to .mdx, or convert it with \`npm run import -- ${relative(process.cwd(), path)}\` (a plain Markdown note without frontmatter) and delete it.`;
  }
  if (extname(path) !== '.mdx') {
    return 'only notes (.mdx files) live under notes/: move this file out of the folder, or rename it to .mdx if it is a note.';
  }
  return undefined;
}

/** Why an entry that is neither a folder nor a plain file is refused, or undefined for one that is. */
function notPlain(entry: Dirent): string | undefined {
  if (entry.isSymbolicLink()) {
    return 'this is a symbolic link, which the build follows to what it points at, even outside content/: replace it with the file or folder itself.';
  }
  if (entry.isFile() || entry.isDirectory()) return undefined;
  return `this is ${entry.isFIFO() ? 'a named pipe' : entry.isSocket() ? 'a socket' : 'a device file'}, not a file: remove it.`;
}

export interface ContentFiles {
  /** The notes both the check and the build read: `.mdx` files under `<root>/notes`, sorted. */
  notes: string[];
  problems: ContentProblem[];
}

/**
 * Every file under `root` (the content folder) that is not what it seems, and the notes that are. Names are judged
 * under notes/ only; links and special files anywhere in `root` (the source registry too).
 */
export function contentFiles(root: string): ContentFiles {
  const notes: string[] = [];
  const problems: ContentProblem[] = [];
  const refuse = (path: string, message: string) => problems.push({ file: relative(process.cwd(), path), message });

  const visit = (dir: string, inNotes: boolean) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const byFolded = new Map<string, string>();
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const folded = entry.name.toLowerCase();
      const twin = byFolded.get(folded);
      byFolded.set(folded, entry.name);
      const special = notPlain(entry);
      if (special) {
        refuse(path, special);
        continue;
      }
      const isNotes = inNotes || (dir === root && entry.name === 'notes');
      const unsafe = inNotes ? unsafeName(entry.name) : undefined;
      if (unsafe) {
        refuse(path, unsafe);
        continue;
      }
      if (twin !== undefined) {
        refuse(
          path,
          `its name differs from ${twin}'s only in case: on macOS and Windows they are one file. Rename one of them.`,
        );
        continue;
      }
      if (entry.isDirectory()) {
        visit(path, isNotes);
        continue;
      }
      if (lstatSync(path).nlink > 1) {
        refuse(
          path,
          'this file is a hard link: the same file lives elsewhere, outside what the check and a reviewer see. Replace it with a copy.',
        );
        continue;
      }
      if (!inNotes) continue;
      const inFolder = relative(join(root, 'notes'), path);
      const why =
        inFolder.length > PATH_MAX
          ? `the path under notes/ is ${inFolder.length} characters long: shorten it to ${PATH_MAX} or fewer (fewer or shorter folders).`
          : notANote(path);
      if (why) refuse(path, why);
      else notes.push(path);
    }
  };

  let top;
  try {
    top = lstatSync(root);
  } catch {
    return { notes, problems };
  }
  if (top.isSymbolicLink()) {
    refuse(root, 'the content folder is a symbolic link: the build would read what it points at. Use a real folder.');
  } else {
    visit(root, false);
  }
  return { notes: notes.sort(), problems };
}
