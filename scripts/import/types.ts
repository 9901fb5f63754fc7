/** What the importer takes and gives: shared by its modules, the CLI and the tests. */
import type { NavNote } from '../../src/features/notes/navigation';

/** A note already in content/notes, as the sidebar places it: the imported note goes after the last one. */
export type ExistingNote = NavNote;

/** A work the note links to that the registry does not know yet, as it will be registered. */
export interface NewSource {
  id: string;
  title: string;
  url: string;
  site: string;
  kind: 'article';
}

export interface ImportOptions {
  /** Path shown in messages. */
  file: string;
  existingNotes: readonly ExistingNote[];
  /** Registered source id for a URL (the registry's own URL matching), if any. */
  lookupSource: (url: string) => string | undefined;
  /** Source ids already taken in the registry. */
  takenSourceIds: ReadonlySet<string>;
  /** YYYY-MM-DD for `updated`. */
  today: string;
  descriptionMax: number;
  descriptionMin: number;
  /** Sidebar section; defaults to the section of the last note in reading order. */
  section?: string | undefined;
  /** Whether the note schema has a `sources` field to list the cited works in. */
  listSources: boolean;
}

export interface NoteFrontmatter {
  title: string;
  description: string;
  section: string;
  order: number;
  updated: string;
  sources?: string[];
}

export interface ImportedNote {
  slug: string;
  frontmatter: NoteFrontmatter;
  /** The MDX page: frontmatter and body (not yet run through Prettier). */
  mdx: string;
  /** Ids of every registered or new source the note links to, in order of first link. */
  citedSourceIds: string[];
  newSources: NewSource[];
  counts: { sections: number; quotes: number; links: number; tables: number; codeBlocks: number };
  /** Things kept as written that a person should look at, each with its line. */
  warnings: string[];
}

/** A file the importer cannot read as a note; the message names the file and line and what is expected. */
export class NotANoteError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'NotANoteError';
  }
}
