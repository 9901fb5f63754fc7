import { describe, expect, test } from 'vitest';
import { instrument } from '../../../src/features/snippets/runner/instrument';
import { originalColumn, readColumnMap } from '../../../src/features/snippets/runner/columns';
import { transpile } from '../../../src/features/snippets/runner/transpile';

/** Every async form a snippet can hold, one per line, with the line each must keep. */
const FORMS = [
  "async function declared(x) { 'use strict'; await x; return x; }",
  'const expression = async function (x) { return await x; };',
  'const arrow = async (x) => ({ value: await x });',
  'const block = async () => { await null; };',
  'const object = { async method() { await 1; }, property: async () => await 2 };',
  'class Service { async fetch() { await 3; } static async #hidden() { await 4; } }',
  'async function outer() { const inner = async () => await 5; await inner(); }',
  'async function loops(xs) { for await (const x of xs) console.log(x); }',
  'async function* generator() { await 6; yield 7; }',
  'await declared(8);',
  'for await (const y of generator()) console.log(y);',
];

const startsOf = (code: string) =>
  [...code.matchAll(/__timeline\.start\(("[^"]*")\)/g)].map((match) => JSON.parse(match[1]!));

describe('instrument', () => {
  test('keeps every line where it was, on every async form', () => {
    const source = FORMS.join('\n');
    const { code, inserted } = instrument(source);
    const lines = code.split('\n');
    expect(lines).toHaveLength(FORMS.length);
    // Deleting the inserted text on each line gives the line back.
    lines.forEach((line, index) => {
      let restored = '';
      let from = 0;
      let shift = 0;
      for (const [column, length] of inserted.get(index + 1) ?? []) {
        restored += line.slice(from, column + shift);
        from = column + shift + length;
        shift += length;
      }
      expect(restored + line.slice(from)).toBe(FORMS[index]);
    });
  });

  test('names each task by what the reader calls it', () => {
    expect(startsOf(instrument(FORMS.join('\n')).code)).toEqual([
      'declared',
      'expression',
      'arrow',
      'block',
      'method',
      'property',
      'Service.fetch',
      'Service.#hidden',
      'outer',
      'inner',
      'loops',
    ]);
    expect(startsOf(instrument('[1].map(async (n) => n);\nsetTimeout(async function () {});').code)).toEqual([
      'async arrow (line 1)',
      'async function (line 2)',
    ]);
  });

  test('wraps each await with its own task, top-level ones with main (0)', () => {
    const { code } = instrument(FORMS.join('\n'));
    const lines = code.split('\n');
    expect(lines[0]).toContain('__timeline.resume(__task,await __timeline.wait(__task,x))');
    expect(lines[0]).toMatch(/^async function declared\(x\) \{ 'use strict';const __task=/);
    expect(lines[2]).toContain('=> {const __task=__timeline.start("arrow");try{return ({ value: __timeline.resume(');
    expect(lines[7]).toContain('for await (const x of __timeline.iterate(__task,xs))');
    // An async generator is no task: its awaits stay as they are.
    expect(lines[8]).toBe(FORMS[8]);
    expect(lines[9]).toBe('__timeline.resume(0,await __timeline.wait(0,declared(8)));');
    expect(lines[10]).toBe('for await (const y of __timeline.iterate(0,generator())) console.log(y);');
  });

  test('instrumented code behaves as the original', async () => {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...args: unknown[]) => Promise<unknown>;
    const hooks = {
      start: () => 1,
      wait: (_: number, value: unknown) => value,
      resume: (_: number, value: unknown) => value,
      end: () => {},
      iterate: (_: number, source: unknown) => source,
    };
    const program = [
      ...FORMS,
      'await Promise.resolve().then(() => log("tick"));',
      'log(await arrow(9), await expression(10), await new Service().fetch(), await object.property());',
      'await loops([11, Promise.resolve(12)]);',
    ].join('\n');
    const run = async (code: string) => {
      const printed: unknown[] = [];
      const console = { log: (...args: unknown[]) => printed.push(args) };
      await new AsyncFunction('__timeline', 'log', 'console', code)(hooks, console.log, console);
      return printed;
    };
    expect(await run(instrument(program).code)).toEqual(await run(program));
  });
});

describe('column map', () => {
  test('leads each column of the code that runs back to the snippet, through sucrase and the insertions', () => {
    const source = [
      'const n: number = 5;',
      'async function f(x: number): Promise<number> { await wait(1 as number); return x.toFixed(); }',
      'const g = async (y: string) => ({ y: await f(Number(y)) }), missing = undefined as unknown;',
    ].join('\n');
    const result = transpile(source);
    if (!result.ok) throw new Error(result.message);
    const map = readColumnMap(result.code);
    const ran = result.code.split('\n');
    const snippet = source.split('\n');
    for (const [line, word] of [
      [1, '5'],
      [2, 'await'],
      [2, 'wait(1'],
      [2, 'x.toFixed'],
      [3, 'await'],
      [3, 'f(Number'],
      [3, 'missing'],
    ] as const) {
      expect(originalColumn(map, line, ran[line - 1]!.indexOf(word)), `${word} on line ${line}`).toBe(
        snippet[line - 1]!.indexOf(word),
      );
    }
    // Inserted text stands for the place it was inserted at.
    const inserted = ran[2]!.indexOf('__timeline.wait');
    expect(originalColumn(map, 3, inserted + 5)).toBe(snippet[2]!.indexOf('f(Number'));
  });

  test('code without a map keeps its columns', () => {
    expect(originalColumn(readColumnMap('throw new Error()'), 1, 6)).toBe(6);
    expect(originalColumn(readColumnMap('x\n//# columns={"1":'), 1, 3)).toBe(3);
  });

  test('a snippet that does not parse is a transpile error with its message alone', () => {
    expect(transpile('const ok: string = "x";\nconst broken = ;')).toEqual({
      ok: false,
      message: 'Unexpected token',
      line: 2,
      column: 16,
    });
  });

  test('JavaScript that sucrase lets through but cannot run is a transpile error at the snippet column', () => {
    expect(transpile('const a: number = 1;\nfunction f(): void { const b: number = await a; }')).toEqual({
      ok: false,
      message: expect.any(String),
      line: 2,
      column: 46,
    });
  });
});
