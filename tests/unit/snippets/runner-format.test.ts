import { inspect as nodeInspect, format as nodeFormat } from 'node:util';
import { describe, expect, test } from 'vitest';
import { formatLogArguments, inspect, quote } from '../../../src/features/snippets/runner/format';

/** Node prints a stack for errors that have one; the sandbox never does. */
function stackless<T extends Error>(error: T): T {
  delete error.stack;
  return error;
}

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

const circular: Record<string, unknown> = { name: 'root' };
circular['self'] = circular;

const samples: [string, unknown][] = [
  ['numbers', [1, -0, NaN, Infinity, 2.5]],
  ['bigint and symbol', [10n, Symbol('id')]],
  ['nested strings', { a: "it's", b: 'say "hi"', c: 'both \' and "', d: 'line\nbreak\ttab' }],
  ['empty containers', [[], {}, new Map(), new Set()]],
  ['plain object', { host: 'example.org', port: 443, secure: true, tags: ['a', 'b'] }],
  ['quoted keys', { 'content-type': 'text/plain', valid_id: 1, '2x': 2 }],
  ['depth limit', { a: { b: { c: { d: 1 } } } }],
  ['nesting layout', { a: { b: { c: {} } } }],
  ['long object', { first: 'a'.repeat(30), second: 'b'.repeat(30), third: 'c'.repeat(30) }],
  [
    'map and set',
    new Map<unknown, unknown>([
      ['a', 1],
      [{ k: 1 }, new Set([1, 2, 3])],
    ]),
  ],
  ['set of strings', new Set(['x', 'y'])],
  ['grouped numbers', Array.from({ length: 26 }, (_, i) => i * 7)],
  ['grouped strings', Array.from({ length: 12 }, (_, i) => `item-${i}`)],
  ['long array', Array.from({ length: 120 }, (_, i) => i)],
  // Two holes between 1 and 4, made without a sparse array literal.
  ['sparse array', Object.assign(new Array<number>(4), { 0: 1, 3: 4 })],
  ['class instance', new Point(1, 2)],
  ['null prototype', Object.assign(Object.create(null) as object, { a: 1 })],
  ['functions', [function named() {}, () => {}, async function run() {}, class Task {}, function* gen() {}]],
  ['errors nested', { error: stackless(new TypeError('bad input')), plain: stackless(new Error('')) }],
  ['date and regexp', [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), /a+b/gi]],
  ['circular', circular],
  ['typed array', new Uint8Array([1, 2, 3])],
  [
    'getters',
    {
      get value() {
        return 1;
      },
      set value(_v: number) {},
      get only() {
        return 2;
      },
    },
  ],
  ['multi-line string', { text: 'first line is quite long, really\nsecond line is also long enough\nthird' }],
  [
    'array of objects',
    [
      { id: 1, status: 'fulfilled', value: 'ok' },
      { id: 2, status: 'rejected', reason: 'boom' },
    ],
  ],
  ['many keys', Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key${i}`, i]))],
];

describe('inspect matches Node util.inspect', () => {
  for (const [name, value] of samples) {
    test(name, () => {
      expect(inspect(value)).toBe(nodeInspect(value));
    });
  }
});

describe('console argument formatting', () => {
  test('strings print raw, other values inspected, joined by spaces', () => {
    const args = ['done', 3, { ok: true }, [1, 2]];
    expect(formatLogArguments(args)).toBe(nodeFormat(...args));
  });
  test('printf-style substitutions', () => {
    const args = ['%s took %d ms (%i%%) %o', 'fetch', 12.5, 99.9, { a: 1 }, 'extra'];
    expect(formatLogArguments(args)).toBe(nodeFormat(...args));
  });
  test('a top-level error prints its name and message without a stack', () => {
    expect(formatLogArguments([new RangeError('too far')])).toBe('RangeError: too far');
  });
  test('markup stays literal text', () => {
    expect(formatLogArguments(['<img src=x onerror=alert(1)>'])).toBe('<img src=x onerror=alert(1)>');
  });
  test('no arguments print an empty line', () => {
    expect(formatLogArguments([])).toBe('');
  });
  test('quote escapes control characters and picks a quote mark', () => {
    expect(quote('a\u0001b')).toBe(nodeInspect('a\u0001b'));
    expect(quote('it\'s "x" `y`')).toBe(nodeInspect('it\'s "x" `y`'));
  });
});
