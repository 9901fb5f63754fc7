import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { failOnNoteProblems, NoteProblems } from '../../../src/features/notes/render-problems';

type Setup = (options: { command: string; updateConfig: (config: { vite: { plugins: Plugin[] } }) => void }) => void;

/** The integration's setup for `command`: the check it adds to the prerender bundle, if any. */
function setUp(problems: NoteProblems, command: string): (() => void) | undefined {
  let plugin: Plugin | undefined;
  const setup = failOnNoteProblems(problems).hooks['astro:config:setup'] as unknown as Setup;
  setup({ command, updateConfig: (config) => ([plugin] = config.vite.plugins) });
  const buildEnd = plugin?.buildEnd as ((error?: Error) => void) | undefined;
  return buildEnd && (() => buildEnd.call({} as never));
}

const problem = (file: string, line: number) => ({ file, line, column: 1, message: '<script> is not allowed' });

describe('failOnNoteProblems', () => {
  it('collects in astro build only, into the list it was handed', () => {
    const dev = new NoteProblems();
    expect(setUp(dev, 'dev')).toBeUndefined();
    expect(dev.collecting).toBe(false);
    const build = new NoteProblems();
    expect(setUp(build, 'build')).toBeTypeOf('function');
    expect(build.collecting).toBe(true);
    expect(dev.collecting).toBe(false);
  });

  it('fails the build once the notes are compiled, every note listed by file, whatever order they compiled in', () => {
    const problems = new NoteProblems();
    const notesCompiled = setUp(problems, 'build')!;
    expect(notesCompiled).not.toThrow();
    problems.record('content/notes/b.mdx', [problem('content/notes/b.mdx', 9)]);
    problems.record('content/notes/a.mdx', [problem('content/notes/a.mdx', 12), problem('content/notes/a.mdx', 14)]);
    expect(notesCompiled).toThrow(
      [
        '3 note problems need fixing:',
        'content/notes/a.mdx:12:1: <script> is not allowed',
        'content/notes/a.mdx:14:1: <script> is not allowed',
        'content/notes/b.mdx:9:1: <script> is not allowed',
      ].join('\n'),
    );
  });

  it('keeps a note’s problems from its last compile, not every compile’s', () => {
    const problems = new NoteProblems();
    problems.collect();
    problems.record('content/notes/a.mdx', [problem('content/notes/a.mdx', 12)]);
    problems.record('content/notes/a.mdx', [problem('content/notes/a.mdx', 12)]);
    expect(problems.all()).toHaveLength(1);
  });

  it('starts every build from an empty list, and fails before publishing should the bundle check not run', () => {
    const problems = new NoteProblems();
    setUp(problems, 'build');
    problems.record('content/notes/a.mdx', [problem('content/notes/a.mdx', 12)]);
    const buildDone = failOnNoteProblems(problems).hooks['astro:build:done'] as unknown as () => void;
    expect(buildDone).toThrow(/A note problem needs fixing:/);
    setUp(problems, 'build');
    expect(buildDone).not.toThrow();
  });
});
