/**
 * Imported notes' Python: each fenced ```python block (not yet a snippet) is
 * run once in the readers' sandbox (python-sandbox.ts: the page's runner in
 * Chromium, behind its sandboxed frame), each in a fresh interpreter, so no
 * block can change what a later one prints or how it ends.
 * A block that finishes cleanly within the time limit becomes a
 * ```python run snippet with what it printed as its ```text output; a block
 * that reads input, uses the network, fails or runs too long stays static.
 * Returns the new MDX and one line per block saying what happened and why.
 */
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseNote } from '../../src/markdown/parse-note';
import { isOutputBlock, isRunBlock } from '../../src/features/snippets/runnable-snippets';
import { TIME_LIMIT_MS } from '../../src/features/snippets/runner/host';
import type { PythonSandbox } from './python-sandbox';

export interface PythonBlocksResult {
  mdx: string;
  /** One line per Python block: `file:line: made runnable …` or `file:line: left static: …`. */
  report: string[];
}

/** What a block needs that the sandbox does not give, judged from its source before running it. */
function staticReason(source: string): string | undefined {
  if (/\b(input|sys\.stdin|getpass)\b/.test(source)) return 'it reads input, which a page cannot type in';
  if (
    /\b(urllib|requests|httpx|aiohttp|http\.client|socket|ssl|pyfetch|open_url|asyncio\.open_connection|start_server)\b/.test(
      source,
    )
  )
    return 'it uses the network, which the sandbox closes';
  return undefined;
}

/**
 * A backtick fence longer than any run of backticks or tildes in the output, so
 * no printed line can close it (CommonMark lets a closing fence be indented up
 * to three spaces and be longer than the opening one, never shorter).
 */
function outputFence(output: string[]): string {
  const longest = Math.max(0, ...output.flatMap((line) => [...line.matchAll(/`+|~+/g)].map((run) => run[0].length)));
  return '`'.repeat(Math.max(3, longest + 1));
}

const lastLine = (texts: string[]) => texts.filter(Boolean).at(-1) ?? 'no message';

export async function makePythonRunnable(
  mdx: string,
  file: string,
  limitMs: number = TIME_LIMIT_MS,
): Promise<PythonBlocksResult> {
  const { tree } = parseNote(file, mdx);
  const blocks: Code[] = [];
  visit(tree, 'code', (node, index, parent) => {
    if (!['python', 'py'].includes(node.lang ?? '') || isRunBlock(node)) return;
    const next = index === undefined ? undefined : parent?.children[index + 1];
    if (next?.type === 'code' && isOutputBlock(next)) return;
    blocks.push(node);
  });
  if (blocks.length === 0) return { mdx, report: [] };

  const lines = mdx.split('\n');
  const report: string[] = [];
  // Last block first, so inserting lines keeps the earlier blocks' line numbers valid.
  const edits: { start: number; end: number; output: string[] }[] = [];
  let sandbox: PythonSandbox | undefined;
  try {
    for (const block of blocks) {
      const start = block.position!.start.line;
      const where = `${file}:${start}`;
      const reason = staticReason(block.value);
      if (reason) {
        report.push(`${where}: left static: ${reason}.`);
        continue;
      }
      // Loaded on the first block to run: Vite and Playwright are not worth loading for a note without Python.
      sandbox ??= await (await import('./python-sandbox')).openPythonSandbox();
      const result = await sandbox.run(block.value, limitMs);
      const printed = result.texts.flatMap((text) => text.split('\n'));
      if (result.reason === 'timeout') {
        report.push(`${where}: left static: it did not finish within ${limitMs / 1000} s, the snippet time limit.`);
      } else if (result.reason !== 'finished') {
        report.push(`${where}: left static: it fails in the sandbox (${lastLine(printed)}).`);
      } else {
        report.push(`${where}: made runnable; its output (${printed.length} lines) is the expected output.`);
        edits.push({ start, end: block.position!.end.line, output: printed });
      }
    }
  } finally {
    await sandbox?.close();
  }
  for (const { start, end, output } of edits.reverse()) {
    lines[start - 1] = lines[start - 1]!.replace(/^(\s*(`{3,}|~{3,})\s*(python|py)\b)/, '$1 run');
    const fence = outputFence(output);
    lines.splice(end, 0, '', `${fence}text output`, ...output, fence);
  }
  return { mdx: lines.join('\n'), report };
}
