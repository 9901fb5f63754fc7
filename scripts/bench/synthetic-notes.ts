/**
 * Synthetic notes for the scale benchmark: deterministic (seeded), shaped like
 * the real ones (frontmatter, h2/h3 headings, prose, a table, a quote with its
 * source, a code block, a runnable snippet), ~9 kB of MDX each (like the longest
 * real note), 20 notes to a section.
 *
 * A note is a list of blocks. To exercise a new content feature, add a block
 * function to BLOCKS — or pass your own list to `syntheticNote` — and every
 * generated note gets it.
 */

export const NOTES_PER_SECTION = 20;

/** Small, fast, seedable PRNG (mulberry32): the same N always yields the same notes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = [
  'event loop',
  'coroutine',
  'future',
  'task',
  'socket',
  'selector',
  'epoll',
  'kqueue',
  'io_uring',
  'callback',
  'backpressure',
  'semaphore',
  'deadline',
  'timeout',
  'cancellation',
  'thread pool',
  'process pool',
  'GIL',
  'context switch',
  'non-blocking read',
  'stream',
  'transport',
  'protocol',
  'queue',
  'scheduler',
  'latency',
  'throughput',
  'C10K',
  'reactor',
  'proactor',
  'worker',
  'generator',
  'await',
  'promise',
  'microtask',
  'syscall',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ser',
  'tan',
  'vo',
  'rex',
  'qui',
  'bel',
  'dor',
  'fen',
  'gal',
  'hix',
  'jun',
  'pra',
  'zu',
];

/** A vocabulary of real terms plus invented words, so the search index sees realistic variety. */
export function vocabulary(size = 3000, seed = 7): string[] {
  const next = random(seed);
  const words = new Set<string>(TERMS.flatMap((term) => term.toLowerCase().split(' ')));
  while (words.size < size) {
    const length = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export interface NoteContext {
  index: number;
  section: number;
  rng: () => number;
  words: readonly string[];
}

const pick = <T>(context: NoteContext, list: readonly T[]): T => list[Math.floor(context.rng() * list.length)]!;

function sentence(context: NoteContext): string {
  const length = 8 + Math.floor(context.rng() * 14);
  const words = Array.from({ length }, () =>
    context.rng() < 0.15 ? pick(context, TERMS) : pick(context, context.words),
  );
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(context: NoteContext, sentences = 4 + Math.floor(context.rng() * 3)): string {
  return Array.from({ length: sentences }, () => sentence(context)).join(' ');
}

const title = (context: NoteContext) => `${pick(context, TERMS)} and ${pick(context, context.words)}`;

export type Block = (context: NoteContext) => string;

const prose: Block = (context) =>
  `## ${capitalise(title(context))}\n\n${paragraph(context)}\n\n${paragraph(context)}\n\n### ${capitalise(pick(context, TERMS))} in practice\n\n${paragraph(context)}`;

const table: Block = (context) => {
  const rows = ['Processes', 'Threads', 'Event loop', 'Thread pool', 'Worker'].map(
    (name) =>
      `| ${name} | \`${pick(context, context.words)}\` | ${pick(context, ['Low', 'Medium', 'High'])} | ${1 + Math.floor(context.rng() * 64)} | ${pick(context, ['CPU bound', 'I/O bound'])} |`,
  );
  return [
    `## Comparing ${pick(context, TERMS)} strategies`,
    '',
    '| Name | Module | Memory | CPUs | Best for |',
    '| ---- | ------ | ------ | ---- | -------- |',
    ...rows,
  ].join('\n');
};

/** Works in the generated source registry; quotes cite them by id, as real notes do. */
export const SOURCE_COUNT = 40;

const sourceId = (at: number) => `work-${String(at + 1).padStart(3, '0')}`;

/** An attributed quotation: `> quote` followed by `[Source](source:<id>)`, cited from the registry. */
const quote: Block = (context) =>
  `> ${sentence(context)} ${sentence(context)}\n\n[Source](source:${sourceId(context.index % SOURCE_COUNT)})`;

const code: Block = (context) => {
  const name = pick(context, context.words);
  return [
    `## A ${pick(context, TERMS)} in code`,
    '',
    paragraph(context, 2),
    '',
    '```ts',
    `async function ${name}(urls: string[]): Promise<number[]> {`,
    `  // ${sentence(context)}`,
    '  const started = performance.now();',
    '  const sizes = await Promise.all(',
    '    urls.map(async (url) => {',
    '      const response = await fetch(url);',
    '      return (await response.arrayBuffer()).byteLength;',
    '    }),',
    '  );',
    `  console.log('${name}', performance.now() - started);`,
    '  return sizes;',
    '}',
    '```',
  ].join('\n');
};

/** A runnable snippet (```ts run) with the output block the doctests compare against. */
const snippet: Block = (context) => {
  const sizes = [1, 2, 3].map(() => 1 + Math.floor(context.rng() * 9));
  const label = pick(context, context.words);
  return [
    `A runnable example: the sizes arrive together, as with \`Promise.all\`.`,
    '',
    `\`\`\`ts run title="${capitalise(label)}"`,
    `const sizes: number[] = [${sizes.join(', ')}];`,
    'const total = (await Promise.all(sizes.map(async (size) => size))).reduce((sum, size) => sum + size, 0);',
    `console.log(\`${label}: \${total}\`);`,
    '```',
    '',
    '```text output',
    `${label}: ${sizes.reduce((sum, size) => sum + size, 0)}`,
    '```',
  ].join('\n');
};

/** The blocks every synthetic note is made of, in order. Extend here. */
export const BLOCKS: Block[] = [prose, table, prose, quote, code, snippet, prose];

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

export interface GeneratedNote {
  /** Path under the content tree, e.g. `notes/section-003/note-00042.mdx`. */
  path: string;
  source: string;
  /** The frontmatter, as written into `source`. */
  data: Record<string, unknown>;
}

export type NoteFormat = 'mdx' | 'md';

export function syntheticNote(
  index: number,
  words: readonly string[],
  blocks: Block[] = BLOCKS,
  format: NoteFormat = 'mdx',
): GeneratedNote {
  const section = Math.floor(index / NOTES_PER_SECTION);
  const context: NoteContext = { index, section, rng: random(index + 1), words };
  const sectionName = `Part ${String(section + 1).padStart(3, '0')}: ${capitalise(TERMS[section % TERMS.length]!)}`;
  const data = {
    title: `${capitalise(title(context))} (${index + 1})`,
    description: sentence(context).slice(0, 150).padEnd(60, ' and more about the event loop'),
    section: sectionName,
    order: index + 1,
    tags: [pick(context, ['async', 'io', 'threads', 'processes']), 'benchmark'],
    updated: '2026-11-25',
  };
  // JSON is valid YAML: each value is written as a JSON literal.
  const frontmatter = [
    '---',
    ...Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
    '---',
  ].join('\n');
  const body = [paragraph(context), ...blocks.map((block) => block(context))].join('\n\n');
  return {
    path: `notes/section-${String(section + 1).padStart(3, '0')}/note-${String(index + 1).padStart(5, '0')}.${format}`,
    source: `${frontmatter}\n\n${body}\n`,
    data,
  };
}

export function syntheticNotes(count: number, format: NoteFormat = 'mdx', blocks: Block[] = BLOCKS): GeneratedNote[] {
  const words = vocabulary();
  return Array.from({ length: count }, (_, index) => syntheticNote(index, words, blocks, format));
}

/** `sources/sources.yaml` for the content tree: the works the quotes cite (JSON is valid YAML). */
export function syntheticRegistry(count = SOURCE_COUNT): GeneratedNote {
  const words = vocabulary();
  const works = Array.from({ length: count }, (_, at) => ({
    id: sourceId(at),
    title: `On ${words[at * 7]} and ${words[at * 7 + 1]}`,
    url: `https://example.org/papers/${sourceId(at)}`,
    authors: [`${capitalise(words[at * 7 + 2]!)} ${capitalise(words[at * 7 + 3]!)}`],
    site: 'Example Papers',
    kind: 'paper',
    year: 1990 + (at % 35),
  }));
  return { path: 'sources/sources.yaml', source: `${JSON.stringify(works, null, 2)}\n`, data: { works } };
}
