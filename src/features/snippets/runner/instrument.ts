/**
 * Instruments a snippet's JavaScript for the run's timeline (sandbox.ts records it): each async function or arrow
 * reports when a call of it starts and ends, and each `await` when its task suspends and resumes. Insertions only,
 * each on the line of the code it wraps, so line numbers never move; `inserted` lists them per line for the column
 * map (columns.ts). The code is the body of the sandbox's `AsyncFunction`: top-level `await` and `return` are allowed.
 *
 *   async function f() { … }   →  async function f() {const __task=__timeline.start("f");try{ … }finally{__timeline.end(__task)}}
 *   await x                    →  __timeline.resume(__task,await __timeline.wait(__task,x))
 *   for await (const v of xs)  →  for await (const v of __timeline.iterate(__task,xs))
 *
 * Top-level code is the task "main", id 0. An async generator is not a task of its own (its body runs a piece per
 * `next()` of whoever iterates it): its awaits are left as they are.
 */
import { parse, type Node } from 'acorn';

/** The recorder's global, defined by the sandbox (sandbox.ts). */
export const RECORDER = '__timeline';
const TASK = '__task';
const MAIN = '0';

export interface Instrumented {
  code: string;
  /** Per line (1-based): where text was inserted, `[column (0-based, before insertion), length]`, in order. */
  inserted: Map<number, [column: number, length: number][]>;
}

interface Insertion {
  at: number;
  text: string;
}

type AnyNode = Node & Record<string, unknown>;

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** What the reader knows a function by: its own name, the name it is assigned to, or where it is. */
function nameOf(fn: AnyNode, ancestors: readonly AnyNode[], line: number): string {
  const keyName = (key: unknown): string | undefined => {
    if (!isNode(key)) return undefined;
    if (key.type === 'Identifier') return key['name'] as string;
    if (key.type === 'PrivateIdentifier') return `#${key['name'] as string}`;
    if (key.type === 'Literal') return String(key['value']);
    return undefined;
  };
  const own = keyName(fn['id']);
  if (own) return own;
  const parents = ancestors.filter((node) => node.type !== 'ParenthesizedExpression');
  const parent = parents.at(-1);
  let name: string | undefined;
  if (parent?.type === 'VariableDeclarator') name = keyName(parent['id']);
  else if (parent?.type === 'AssignmentExpression') {
    const left = parent['left'] as AnyNode;
    name = left.type === 'MemberExpression' && !left['computed'] ? keyName(left['property']) : keyName(left);
  } else if (parent?.type === 'Property' || parent?.type === 'PropertyDefinition') name = keyName(parent['key']);
  else if (parent?.type === 'MethodDefinition') {
    const method = keyName(parent['key']);
    const owner = keyName(parents.at(-3)?.['id']);
    name = method && owner ? `${owner}.${method}` : method;
  }
  return name ?? `async ${fn.type === 'ArrowFunctionExpression' ? 'arrow' : 'function'} (line ${line})`;
}

/** Throws acorn's SyntaxError (with `loc`) when the code does not parse. */
export function instrument(code: string): Instrumented {
  const program = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowAwaitOutsideFunction: true,
    allowReturnOutsideFunction: true,
    preserveParens: true,
    locations: true,
  }) as unknown as AnyNode;
  const insertions: Insertion[] = [];
  const insert = (at: number, text: string) => insertions.push({ at, text });
  const ancestors: AnyNode[] = [];

  /** `task` is the expression naming the task an `await` here suspends, or null where awaits are left alone. */
  const visit = (node: AnyNode, task: string | null): void => {
    let inner = task;
    if (FUNCTIONS.has(node.type)) inner = node['async'] && !node['generator'] ? TASK : null;
    if (inner === TASK && FUNCTIONS.has(node.type)) wrapBody(node);
    if (node.type === 'AwaitExpression' && task !== null) {
      const argument = node['argument'] as AnyNode;
      insert(node.start, `${RECORDER}.resume(${task},`);
      insert(argument.start, `${RECORDER}.wait(${task},`);
    }
    if (node.type === 'ForOfStatement' && node['await'] && task !== null) {
      insert((node['right'] as AnyNode).start, `${RECORDER}.iterate(${task},`);
    }
    ancestors.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      const scope = FUNCTIONS.has(node.type) ? inner : task;
      if (Array.isArray(value)) for (const child of value) if (isNode(child)) visit(child, scope);
      if (isNode(value)) visit(value, scope);
    }
    ancestors.pop();
    if (node.type === 'AwaitExpression' && task !== null) insert(node.end, '))');
    if (node.type === 'ForOfStatement' && node['await'] && task !== null) insert((node['right'] as AnyNode).end, ')');
    if (inner === TASK && FUNCTIONS.has(node.type)) unwrapBody(node);
  };

  const start = (fn: AnyNode) =>
    `const ${TASK}=${RECORDER}.start(${JSON.stringify(nameOf(fn, ancestors, fn.loc!.start.line))});try{`;
  const finish = `}finally{${RECORDER}.end(${TASK})}`;
  const wrapBody = (fn: AnyNode) => {
    const body = fn['body'] as AnyNode;
    if (body.type !== 'BlockStatement') {
      insert(body.start, `{${start(fn)}return `);
      return;
    }
    // After the directive prologue, so "use strict" stays a directive.
    let prologueEnd = body.start + 1;
    for (const statement of body['body'] as AnyNode[]) {
      if (typeof statement['directive'] !== 'string') break;
      prologueEnd = statement.end;
    }
    insert(prologueEnd, start(fn));
  };
  const unwrapBody = (fn: AnyNode) => {
    const body = fn['body'] as AnyNode;
    insert(
      body.type === 'BlockStatement' ? body.end - 1 : body.end,
      body.type === 'BlockStatement' ? finish : `${finish}}`,
    );
  };

  visit(program, MAIN);
  return apply(code, insertions);
}

function apply(code: string, insertions: Insertion[]): Instrumented {
  // Stable: at one position, outer starts come before inner ones and inner ends before outer ones (visit order).
  const sorted = insertions.map((insertion, order) => ({ ...insertion, order }));
  sorted.sort((a, b) => a.at - b.at || a.order - b.order);
  const inserted: Instrumented['inserted'] = new Map();
  let out = '';
  let copied = 0;
  let line = 1;
  let lineStart = 0;
  for (const { at, text } of sorted) {
    for (let next = code.indexOf('\n', lineStart); next !== -1 && next < at; next = code.indexOf('\n', lineStart)) {
      line++;
      lineStart = next + 1;
    }
    out += code.slice(copied, at) + text;
    copied = at;
    const list = inserted.get(line) ?? [];
    list.push([at - lineStart, text.length]);
    inserted.set(line, list);
  }
  return { code: out + code.slice(copied), inserted };
}
