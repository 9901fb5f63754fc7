/**
 * Text for console arguments, laid out the way Node's `util.inspect` does with
 * its defaults (depth 2, 80 columns, `compact: 3`), so a snippet prints the
 * same lines in the page's worker as under Node. Written for the
 * sandbox: no Node APIs, no stacks (they differ between engines), no colours.
 */

const BREAK_LENGTH = 80;
const MAX_DEPTH = 2;
const MAX_ITEMS = 100;
const COMPACT = 3;
/** Strings shorter than this are never split across lines. */
const MIN_LINE_LENGTH = 16;

interface Context {
  indentation: number;
  /** Depth of the object formatted last; decides single-line layout like Node. */
  currentDepth: number;
  seen: object[];
  circular: Map<object, number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z_0-9]*$/;

// Escapes that `util.inspect` writes for control characters inside quotes.
const ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/** A string as a quoted literal: single quotes unless the text contains them. */
export function quote(text: string): string {
  let mark = "'";
  if (text.includes("'")) {
    if (!text.includes('"')) mark = '"';
    else if (!text.includes('`') && !text.includes('${')) mark = '`';
  }
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === mark || char === '\\') out += `\\${char}`;
    else if (ESCAPES[char] !== undefined) out += ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += char;
  }
  return mark + out + mark;
}

function formatString(text: string, ctx: Context): string {
  if (text.length > MIN_LINE_LENGTH && text.length > BREAK_LENGTH - ctx.indentation - 4) {
    const pieces = text.match(/[^\n]*\n|[^\n]+$/g) ?? [text];
    return pieces.map(quote).join(` +\n${' '.repeat(ctx.indentation + 2)}`);
  }
  return quote(text);
}

function formatPrimitive(value: unknown, ctx: Context): string {
  switch (typeof value) {
    case 'string':
      return formatString(value, ctx);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
  }
}

function functionLabel(fn: { name: string }): string {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class') && /^class\b/.test(source)) {
    return fn.name ? `[class ${fn.name}]` : '[class (anonymous)]';
  }
  const kind = Object.prototype.toString.call(fn).slice(8, -1);
  const type = kind === 'Function' || kind === 'Object' ? 'Function' : kind;
  return fn.name ? `[${type}: ${fn.name}]` : `[${type} (anonymous)]`;
}

function errorLabel(error: Error): string {
  const name = error.name || 'Error';
  return error.message ? `${name}: ${error.message}` : name;
}

function constructorName(value: object): string | null {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return null;
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return IDENTIFIER.test(key) ? key : quote(key);
}

function formatProperty(ctx: Context, value: object, key: string | symbol, depth: number): string {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  let text: string;
  if (descriptor && !('value' in descriptor)) {
    text = descriptor.get ? (descriptor.set ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
  } else {
    ctx.indentation += 2;
    text = formatValue(ctx, descriptor?.value, depth);
    ctx.indentation -= 2;
  }
  return `${formatKey(key)}: ${text}`;
}

function ownKeys(value: object, skip: (key: string) => boolean = () => false): (string | symbol)[] {
  const keys: (string | symbol)[] = Object.keys(value).filter((key) => !skip(key));
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

const remaining = (count: number): string => `... ${count} more item${count > 1 ? 's' : ''}`;

function formatArrayItems(ctx: Context, array: ArrayLike<unknown>, depth: number): string[] {
  const output: string[] = [];
  const length = Math.min(array.length, MAX_ITEMS);
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
  };
  for (let i = 0; i < length; i++) {
    if (!Object.prototype.hasOwnProperty.call(array, i)) {
      holes++;
      continue;
    }
    flushHoles();
    ctx.indentation += 2;
    output.push(formatValue(ctx, array[i], depth));
    ctx.indentation -= 2;
  }
  flushHoles();
  if (array.length > length) output.push(remaining(array.length - length));
  return output;
}

/** Node's `groupArrayElements`: long arrays of short items go into aligned columns. */
export function groupArrayElements(output: string[], indentation: number, values?: ArrayLike<unknown>): string[] {
  let totalLength = 0;
  let maxLength = 0;
  const hasMore = values !== undefined && values.length > MAX_ITEMS;
  const outputLength = hasMore ? output.length - 1 : output.length;
  const separatorSpace = 2;
  const dataLength: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const length = output[i]!.length;
    dataLength.push(length);
    totalLength += length + separatorSpace;
    if (maxLength < length) maxLength = length;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + indentation >= BREAK_LENGTH || (totalLength / actualMax <= 5 && maxLength > 6)) return output;
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
    Math.floor((BREAK_LENGTH - indentation) / actualMax),
    COMPACT * 4,
    15,
  );
  if (columns <= 1) return output;
  const columnWidths: number[] = [];
  for (let column = 0; column < columns; column++) {
    let width = 0;
    for (let j = column; j < output.length; j += columns) width = Math.max(width, dataLength[j] ?? 0);
    columnWidths.push(width + separatorSpace);
  }
  let numeric = values !== undefined;
  if (values !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof values[i] !== 'number' && typeof values[i] !== 'bigint') numeric = false;
    }
  }
  const grouped: string[] = [];
  for (let i = 0; i < outputLength; i += columns) {
    const end = Math.min(i + columns, outputLength);
    let line = '';
    let j = i;
    for (; j < end - 1; j++) {
      const cell = `${output[j]}, `;
      line += numeric ? cell.padStart(columnWidths[j - i]!) : cell.padEnd(columnWidths[j - i]!);
    }
    line += numeric ? output[j]!.padStart(columnWidths[j - i]! - separatorSpace) : output[j]!;
    grouped.push(line);
  }
  if (hasMore) grouped.push(output[outputLength]!);
  return grouped;
}

function fitsOnOneLine(output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > BREAK_LENGTH) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(
  ctx: Context,
  output: string[],
  base: string,
  braces: [string, string],
  depth: number,
  groupValues: ArrayLike<unknown> | null,
): string {
  const entries = output.length;
  if (groupValues !== null && entries > 6) output = groupArrayElements(output, ctx.indentation, groupValues);
  const prefix = base ? `${base} ` : '';
  if (ctx.currentDepth - depth < COMPACT && entries === output.length) {
    const start = output.length + ctx.indentation + braces[0].length + base.length + 10;
    if (fitsOnOneLine(output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${prefix}${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentation)}`;
  return `${prefix}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

/** What stands for a non-empty object nested deeper than the depth limit. */
function tooDeep(value: object): string {
  if (Array.isArray(value)) return '[Array]';
  return `[${constructorName(value) ?? 'Object: null prototype'}]`;
}

function formatObject(ctx: Context, value: object, depth: number): string {
  const name = constructorName(value);
  let base = '';
  let braces: [string, string];
  let output: string[];
  let groupValues: ArrayLike<unknown> | null = null;
  let keys: (string | symbol)[];
  let emptyResult: string | null = null;

  if (Array.isArray(value)) {
    keys = ownKeys(value, (key) => /^(0|[1-9][0-9]*)$/.test(key));
    const prefix = name === 'Array' ? '' : `${name ?? '[Array: null prototype]'}(${value.length}) `;
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    if (depth > MAX_DEPTH) return tooDeep(value);
    depth++;
    ctx.seen.push(value);
    ctx.currentDepth = depth;
    output = formatArrayItems(ctx, value, depth);
    groupValues = value;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<unknown>;
    keys = [];
    braces = [`${name}(${typed.length}) [`, ']'];
    if (typed.length === 0) return `${braces[0]}]`;
    if (depth > MAX_DEPTH) return tooDeep(value);
    depth++;
    ctx.seen.push(value);
    ctx.currentDepth = depth;
    output = formatArrayItems(ctx, typed, depth);
    groupValues = typed;
  } else if (value instanceof Map || value instanceof Set) {
    keys = ownKeys(value);
    const kind = value instanceof Map ? 'Map' : 'Set';
    const label = name === kind ? kind : `${name} [${kind}]`;
    braces = [`${label}(${value.size}) {`, '}'];
    if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
    if (depth > MAX_DEPTH) return tooDeep(value);
    depth++;
    ctx.seen.push(value);
    ctx.currentDepth = depth;
    output = [];
    ctx.indentation += 2;
    let count = 0;
    for (const entry of value.entries()) {
      if (count++ >= MAX_ITEMS) break;
      const [key, item] = entry as [unknown, unknown];
      output.push(
        value instanceof Map
          ? `${formatValue(ctx, key, depth)} => ${formatValue(ctx, item, depth)}`
          : formatValue(ctx, item, depth),
      );
    }
    ctx.indentation -= 2;
    if (value.size > MAX_ITEMS) output.push(remaining(value.size - MAX_ITEMS));
  } else {
    if (typeof value === 'function') {
      base = functionLabel(value);
      keys = ownKeys(value);
      emptyResult = base;
    } else if (value instanceof Error) {
      keys = ownKeys(value, (key) => key === 'stack' || key === 'message');
      base = `[${errorLabel(value)}]`;
      emptyResult = base;
    } else if (value instanceof RegExp) {
      keys = ownKeys(value, (key) => key === 'lastIndex');
      base = String(value);
      emptyResult = base;
    } else if (value instanceof Date) {
      keys = ownKeys(value);
      base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      emptyResult = base;
    } else if (value instanceof Promise) {
      // A promise's state cannot be read synchronously from script.
      keys = ownKeys(value);
      base = 'Promise { <state unknown> }';
      emptyResult = base;
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      keys = [];
      emptyResult = `${name} { <items unknown> }`;
    } else {
      keys = ownKeys(value);
    }
    const label =
      name === null ? '[Object: null prototype] ' : name === 'Object' || emptyResult !== null ? '' : `${name} `;
    braces = [`${label}{`, '}'];
    if (keys.length === 0) return emptyResult ?? `${braces[0]}}`;
    if (depth > MAX_DEPTH) return tooDeep(value);
    depth++;
    ctx.seen.push(value);
    ctx.currentDepth = depth;
    output = [];
  }
  for (const key of keys) output.push(formatProperty(ctx, value, key, depth));
  ctx.seen.pop();
  const result = reduceToSingleString(ctx, output, base, braces, depth, groupValues);
  const reference = ctx.circular.get(value);
  return reference === undefined ? result : `<ref *${reference}> ${result}`;
}

function formatValue(ctx: Context, value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value, ctx);
  if (ctx.seen.includes(value)) {
    let reference = ctx.circular.get(value);
    if (reference === undefined) {
      reference = ctx.circular.size + 1;
      ctx.circular.set(value, reference);
    }
    return `[Circular *${reference}]`;
  }
  return formatObject(ctx, value, depth);
}

/** One value as `util.inspect(value)` shows it (without stacks or colours). */
export function inspect(value: unknown): string {
  return formatValue(rootContext(), value, 0);
}

/** A top-level argument: strings print raw, errors by name and message, the rest inspected. */
function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error && ownKeys(value, (key) => key === 'stack' || key === 'message').length === 0) {
    return errorLabel(value);
  }
  return inspect(value);
}

/**
 * The line `console.log(...args)` prints: printf-style `%s %d %i %f %j %o %O %c %%`
 * in a leading string, then the remaining arguments separated by spaces.
 */
export function formatLogArguments(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string' || !first.includes('%')) return args.map(formatArgument).join(' ');
  let index = 0;
  const head = first.replace(/%([sdifjoOc%])/g, (match, spec: string) => {
    if (spec === '%') return '%';
    if (index >= rest.length) return match;
    const arg = rest[index++];
    switch (spec) {
      case 's':
        return typeof arg === 'string' ? arg : typeof arg === 'bigint' ? `${arg}n` : formatArgument(arg);
      case 'd':
      case 'i': {
        if (typeof arg === 'bigint') return `${arg}n`;
        if (typeof arg === 'symbol') return 'NaN';
        const number = Number(arg);
        return formatPrimitive(spec === 'i' ? Math.trunc(number) : number, rootContext());
      }
      case 'f':
        return typeof arg === 'symbol' ? 'NaN' : String(Number.parseFloat(String(arg)));
      case 'j':
        try {
          return JSON.stringify(arg) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case 'c':
        return '';
      default:
        return inspect(arg);
    }
  });
  return [head, ...rest.slice(index).map(formatArgument)].join(' ');
}

function rootContext(): Context {
  return { indentation: 0, currentDepth: 0, seen: [], circular: new Map() };
}
