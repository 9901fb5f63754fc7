/**
 * Imported notes' Python blocks: `npm run import` itself, run as a contributor
 * runs it (tsx, a fresh copy of the project), then the function on notes that
 * probe the sandbox.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Code, Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { expect, test } from 'vitest';
import { makePythonRunnable } from '../../scripts/import/python-blocks';
import { isolatedProject, runScript } from '../helpers/isolated-project';

test('npm run import runs each Python block in a clean run of its own and writes only what it printed', async () => {
  const project = isolatedProject('content');
  try {
    const { code, output } = await runScript(project.root, 'scripts/import/cli.ts', [
      resolve('tests/fixtures/import-python/python-on-trial.md'),
    ]);
    expect(output).not.toContain('the sandbox frame did not start');
    expect(code, output).toBe(0);
    const report = output.split('\n').filter((line) => /^\s+\S+:\d+: (made runnable|left static)/.test(line));
    expect(report.map((line) => line.replace(/^\s+\S+:\d+: /, ''))).toEqual([
      'made runnable; its output (1 lines) is the expected output.',
      // The forger's own run is what it printed; what it did to its interpreter died with it.
      'made runnable; its output (1 lines) is the expected output.',
      'left static: it fails in the sandbox (ValueError: a real failure).',
      'left static: it did not finish within 10 s, the snippet time limit.',
      'made runnable; its output (3 lines) is the expected output.',
    ]);
    const written = readFileSync(join(project.root, /Created (\S+)/.exec(output)![1]!), 'utf8');
    const tree = fromMarkdown(written);
    const outputs: string[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'text' && node.meta === 'output') outputs.push(node.value);
    });
    expect(outputs).toEqual(['honest', 'planted', '   ```\n## Not a heading\n~~~~ and ````` in a line']);
    const headings: string[] = [];
    visit(tree, 'heading', (node: Heading) => void headings.push(toString(node)));
    expect(headings).not.toContain('Not a heading');
  } finally {
    project.dispose();
  }
}, 600_000);

const note = [
  '## A note',
  '',
  '```python',
  'import asyncio',
  '',
  'async def main():',
  '    await asyncio.sleep(0.01)',
  '    print("done")',
  '',
  'asyncio.run(main())',
  '```',
  '',
  '```python',
  'name = input("Your name? ")',
  '```',
  '',
  '```python',
  'import urllib.request',
  'urllib.request.urlopen("https://example.com/")',
  '```',
  '',
  '```python',
  'import time',
  'time.sleep(5)',
  '```',
  '',
  '```python',
  'raise ValueError("no")',
  '```',
  '',
  '```ts',
  'console.log(1);',
  '```',
  '',
].join('\n');

test('an imported note gets runnable Python where the sandbox runs it cleanly, and says why the rest stays static', async () => {
  const { mdx, report } = await makePythonRunnable(note, 'note.md', 2000);
  expect(report).toEqual([
    'note.md:3: made runnable; its output (1 lines) is the expected output.',
    'note.md:13: left static: it reads input, which a page cannot type in.',
    'note.md:17: left static: it uses the network, which the sandbox closes.',
    'note.md:22: left static: it did not finish within 2 s, the snippet time limit.',
    'note.md:27: left static: it fails in the sandbox (ValueError: no).',
  ]);
  expect(mdx).toContain('```python run\nimport asyncio');
  expect(mdx).toContain('asyncio.run(main())\n```\n\n```text output\ndone\n```\n\n```python\nname = input');
  expect(mdx.match(/```python run/g)).toHaveLength(1);
  expect(mdx).toContain('```ts\nconsole.log(1);\n```');
}, 240_000);

test("an imported block runs in the readers' sandbox, not in Node: no process, no file, no request", async () => {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.end('reached');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const attack = (title: string, code: string[]) => ['## ' + title, '', '```python', ...code, '```', ''];
  const hostile = [
    // Under Node's Pyodide, any JavaScript object's constructor reached `process` and with it every file;
    // the sandbox frame's policy refuses to compile the string at all.
    ...attack('Node', [
      'import js',
      "reach = js.Object.constructor(\"return process.getBuiltinModule('node:fs').readdirSync('/').join()\")",
      'print(reach())',
    ]),
    ...attack('Fetch', [
      'import asyncio, js',
      'async def main():',
      '    try:',
      `        print(await (await js.fetch("http://127.0.0.1:${port}/")).text())`,
      '    except Exception as error:',
      '        print("blocked:", type(error).__name__)',
      'asyncio.run(main())',
    ]),
  ].join('\n');
  try {
    const { mdx, report } = await makePythonRunnable(hostile, 'hostile.md', 5000);
    expect(report[0]).toMatch(
      /^hostile\.md:3: left static: it fails in the sandbox \(.*EvalError: .*Content Security Policy/,
    );
    expect(report[1]).toBe('hostile.md:11: made runnable; its output (1 lines) is the expected output.');
    expect(mdx).toContain('```text output\nblocked: JsException\n```');
    expect(requests).toBe(0);
  } finally {
    server.close();
  }
}, 240_000);
