import { readFileSync } from 'node:fs';
import type { Link, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, it } from 'vitest';
import {
  decodeNote,
  fitDescription,
  importNote,
  NotANoteError,
  parseMarkdown,
  type ImportOptions,
} from '../../../scripts/import/note';
import { readRegistry, registryEntries } from '../../../scripts/import/registry';
import { urlKey } from '../../../src/features/citations/registry';
import { parse } from 'yaml';

const options = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({
  file: 'note.md',
  existingNotes: [
    { id: 'intro/a', title: 'A', section: 'Introduction', order: 1 },
    { id: 'intro/b', title: 'B', section: 'Introduction', order: 3 },
  ],
  lookupSource: () => undefined,
  takenSourceIds: new Set(),
  today: '2026-11-25',
  descriptionMax: 200,
  descriptionMin: 40,
  listSources: true,
  ...overrides,
});

/** Parses the page exactly as MDX does (a parse error fails the test), without its frontmatter. */
function parseMdx(mdx: string): Root {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return fromMarkdown(body, {
    extensions: [mdxjs(), gfm()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
  });
}

function all(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap(all) : [])];
}
const linksOf = (tree: Root) =>
  all(tree)
    .filter((node): node is Link => node.type === 'link')
    .map((link) => link.url);
const words = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Sentences of the note's prose: split after . ? ! and : so each claim is checked on its own. */
const sentences = (tree: Root) =>
  all(tree)
    .filter((node) => node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading')
    .flatMap((node) => words(toString(node)).split(/(?<=[.?!:])\s+/))
    .filter(Boolean);

describe('importing the introduction note', () => {
  const source = readFileSync('tests/fixtures/notes/asyncio-introduction.md', 'utf8');
  const known = new Map([['realpython.com/async-io-python', 'realpython-async-io']]);
  const note = importNote(
    source,
    options({
      file: 'tests/fixtures/notes/asyncio-introduction.md',
      lookupSource: (url) => known.get(urlKey(url)),
      takenSourceIds: new Set(['realpython-async-io']),
    }),
  );
  const page = parseMdx(note.mdx);
  const original = parseMarkdown(source);

  it('fills the frontmatter', () => {
    const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(note.mdx)![1]!);
    expect(frontmatter).toEqual({
      title: 'AsyncIO - Introduction',
      description:
        'async IO (Asynchronous IO): a language-agnostic paradigm (model) that has implementations across a host of programming languages',
      section: 'Introduction',
      order: 4,
      updated: '2026-11-25',
      sources: [
        'realpython-async-io',
        'kegel-c10k',
        'curiousefficiency-async-programming',
        'tedinski-concurrency-vs-parallelism',
        'realpython-python-concurrency',
        'go-waza-talk',
      ],
    });
    expect(note.slug).toBe('asyncio-introduction');
  });

  it('keeps every sentence of the note', () => {
    const kept = words(toString(page));
    const title = 'AsyncIO - Introduction';
    for (const sentence of sentences(original).filter((s) => s !== title)) expect(kept).toContain(sentence);
    expect(sentences(original).length).toBeGreaterThan(40);
  });

  it('keeps every link, quote and the table', () => {
    expect(linksOf(page)).toEqual(linksOf(original));
    expect(linksOf(page)).toHaveLength(6);
    const count = (tree: Root, type: string) => all(tree).filter((node) => node.type === type).length;
    expect(count(page, 'blockquote')).toBe(3);
    expect(count(page, 'tableRow')).toBe(4);
    expect(count(page, 'tableCell')).toBe(count(original, 'tableCell'));
  });

  it('moves the sections up one level under the title', () => {
    const headings = all(page).flatMap((node) => (node.type === 'heading' ? [[node.depth, toString(node)]] : []));
    expect(headings).toEqual([
      [2, 'What is AsyncIO'],
      [2, 'Background'],
      [3, 'C10K'],
      [3, 'Parallelism vs. Concurrency'],
    ]);
  });

  it('reuses the registered source and proposes the five others once each', () => {
    expect(note.newSources.map((source) => source.id)).toEqual([
      'kegel-c10k',
      'curiousefficiency-async-programming',
      'tedinski-concurrency-vs-parallelism',
      'realpython-python-concurrency',
      'go-waza-talk',
    ]);
    expect(note.newSources[0]).toEqual({
      id: 'kegel-c10k',
      title: 'The C10K problem',
      url: 'http://www.kegel.com/c10k.html',
      site: 'kegel.com',
      kind: 'article',
    });
    expect(note.newSources[1]!.url).toBe(
      'http://python-notes.curiousefficiency.org/en/latest/pep_ideas/async_programming.html',
    );
  });
});

describe('importing a note with code, autolinks and MDX-unsafe text', () => {
  const source = readFileSync('tests/fixtures/import/event-loop-basics.md', 'utf8');
  const note = importNote(
    source,
    options({
      section: 'Event loops',
      lookupSource: (url) => (urlKey(url) === 'kegel.com/c10k.html' ? 'kegel-c10k' : undefined),
      takenSourceIds: new Set(['kegel-c10k', 'python-asyncio']),
    }),
  );
  const page = parseMdx(note.mdx);

  it('compiles as MDX and keeps the prose', () => {
    const kept = words(toString(page));
    expect(kept).toContain('with a {small} example and the cost of x < y checks.');
    expect(note.mdx).toContain('a \\{small\\} example and the cost of x \\< y checks');
  });

  it('turns an autolink into a link, an HTML comment into an MDX comment, indented code into a fence', () => {
    expect(note.mdx).toContain(
      '[https://man7.org/linux/man-pages/man7/epoll.7.html](https://man7.org/linux/man-pages/man7/epoll.7.html)',
    );
    expect(note.mdx).toContain('{/* TODO: add a diagram */}');
    expect(note.mdx).toContain('```\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\n```');
    expect(note.mdx).toContain('```python\nimport asyncio');
    expect(note.counts).toEqual({ sections: 3, quotes: 1, links: 5, tables: 1, codeBlocks: 2 });
  });

  it('registers new sources with unique ids and reuses a known URL written differently', () => {
    expect(note.citedSourceIds).toEqual([
      'man7-epoll-7',
      'python-asyncio-eventloop',
      'python-asyncio-2',
      'libuv',
      'kegel-c10k',
    ]);
    expect(note.newSources.map((source) => [source.id, source.title])).toEqual([
      ['man7-epoll-7', 'Epoll.7'],
      ['python-asyncio-eventloop', 'Asyncio eventloop'],
      ['python-asyncio-2', 'asyncio'],
      ['libuv', 'libuv'],
    ]);
  });

  it('places the note in the given section after every existing note', () => {
    expect(note.frontmatter).toMatchObject({ section: 'Event loops', order: 4 });
    expect(note.frontmatter.description).toBe(
      'An event loop runs one task at a time and switches at every await; this note shows the parts it is made of, with a {small} example and the cost of x < y checks.',
    );
  });

  it('writes registry entries the registry format reads back', () => {
    const entries = parse(registryEntries(note.newSources, 'event-loop-basics.md'));
    expect(entries).toEqual(note.newSources);
  });
});

describe('a [Source](…) line', () => {
  const attribute = (block: string) =>
    importNote(
      `## A note\n\nA first paragraph that is long enough to describe the note.\n\n${block}\n\n[Source](https://example.org/work)\n`,
      options(),
    );

  it('makes the list or paragraph above it a quotation of the work, and says so', () => {
    const note = attribute('- one point\n- another point');
    expect(note.mdx).toContain('> - one point\n> - another point\n\n[Source](https://example.org/work)');
    expect(note.warnings).toEqual([
      expect.stringMatching(/^note\.md:5: the list above \[Source\]\(…\) became a quotation/),
    ]);
  });

  it('keeps a block quote as it is', () => {
    const note = attribute('> Quoted words.');
    expect(note.mdx).toContain('> Quoted words.\n\n[Source](https://example.org/work)');
    expect(note.warnings).toEqual([]);
  });

  it('names the work in the link when there is nothing above it to quote', () => {
    const note = attribute('### A section');
    expect(note.mdx).toContain('## A section\n\n[Source: example.org](https://example.org/work)');
  });
});

describe('the registry as the importer reads it', () => {
  it('finds registered works by URL however the note spells it', () => {
    const registry = readRegistry('content/sources/sources.yaml');
    expect(registry.lookup('https://kegel.com/c10k.html#top')).toBe('kegel-c10k');
    expect(registry.lookup('https://example.org/unknown')).toBeUndefined();
    expect(registry.ids.has('kegel-c10k')).toBe(true);
  });

  it('treats a missing registry as empty', () => {
    expect(readRegistry('no/such/sources.yaml').ids.size).toBe(0);
  });
});

describe('what the importer refuses', () => {
  it.each([
    ['', 'note.md:1: the file is empty'],
    [
      'Just a paragraph, no title.\n\n### A section\n',
      'note.md:1: this is not a note in the notes\' style: it must start with a "## Title" heading (found a paragraph)',
    ],
    ['# Project\n\nText.\n', 'found a level-1 heading'],
    [
      '## One\n\nText long enough to describe the note, really it is.\n\n## Two\n\nMore.\n',
      'note.md:5: a note has one "## Title"',
    ],
    ['## Title only\n', 'note.md:1: the note has a title but nothing under it.'],
    ['## Short\n\nToo short.\n', 'the note has too little prose for a description'],
  ])('%j', (text, message) => {
    expect(() => importNote(text, options())).toThrow(NotANoteError);
    expect(() => importNote(text, options())).toThrow(message);
  });
});

describe('prose that MDX would read as a module statement', () => {
  const file = 'tests/fixtures/import/import-export-prose.md';
  const source = readFileSync(file, 'utf8');
  const note = importNote(source, options({ file }));
  const page = parseMdx(note.mdx);

  it('stays prose: the page compiles as MDX with no import or export in it', () => {
    expect(all(page).filter((node) => node.type === 'mdxjsEsm')).toEqual([]);
    expect(note.mdx).toContain('&#x69;mport the asyncio module once');
    expect(note.mdx).toContain('&#x65;xport the coroutine functions');
  });

  it('keeps every sentence as written', () => {
    expect(sentences(page)).toEqual(sentences(parseMarkdown(source)).slice(1));
    expect(sentences(page)).toContain(
      'import the asyncio module once at the top of each file that awaits; the event loop itself is shared.',
    );
  });

  it('leaves alone what MDX already reads as prose', () => {
    expect(note.mdx).toContain('- import inside a list item');
    expect(note.mdx).toContain('Exports are names; export statements run once');
  });
});

describe('input the importer refuses with one line naming the file', () => {
  it('a malformed % escape in a link', () => {
    const file = 'tests/fixtures/import/bad-percent-escape.md';
    expect(() => importNote(readFileSync(file, 'utf8'), options({ file }))).toThrow(
      new NotANoteError(
        file,
        7,
        'the link https://example.com/guides/100%-async has a malformed "%" escape; write a literal "%" as %25, or correct the escape (%20 for a space), and import again.',
      ),
    );
  });

  it('a file that is not UTF-8, at the line of the first foreign byte', () => {
    const file = 'tests/fixtures/import/latin1.md';
    expect(() => decodeNote(readFileSync(file), file)).toThrow(
      new NotANoteError(
        file,
        1,
        `the file is not UTF-8 text (byte 0xE9), probably Latin-1 or Windows-1252: convert it with \`iconv -f latin1 -t utf-8 ${file} > note-utf8.md\` and import that.`,
      ),
    );
    expect(decodeNote(new TextEncoder().encode('## Café\n'), file)).toBe('## Café\n');
  });

  it('a frontmatter block, an alias bomb above all, without expanding it', () => {
    const file = 'tests/fixtures/import/yaml-bomb.md';
    const started = performance.now();
    expect(() => importNote(readFileSync(file, 'utf8'), options({ file }))).toThrow(
      `${file}:1: the file starts with a YAML frontmatter block that uses 72 alias(es) (*name), which can expand to gigabytes (a "billion laughs" document); the importer reads no frontmatter: delete the block and start the file with the "## Title" heading.`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(() => importNote('---\ntitle: x\n---\n\n## Title\n\nText.\n', options())).toThrow(
      'note.md:1: the file starts with a YAML frontmatter block; the importer writes the frontmatter itself: delete the block',
    );
  });
});

describe('fitDescription', () => {
  it('keeps a short text, cuts at a sentence end, else at a word with an ellipsis', () => {
    expect(fitDescription('Short enough.', 200)).toBe('Short enough.');
    const sentences = `${'A first sentence that is long enough to stand alone. '}${'word '.repeat(40)}`;
    expect(fitDescription(sentences, 80)).toBe('A first sentence that is long enough to stand alone.');
    const cut = fitDescription('word '.repeat(60), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/word…$/);
  });
});
