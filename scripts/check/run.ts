/**
 * `npm run check`: every gate a pull request must pass, in one command and
 * without a browser. Independent steps run side by side; each one's output is
 * shown whole when it fails, so messages never interleave.
 *
 *   npm run check                      all steps
 *   npm run check -- --only lint,unit  some of them (names below)
 *   npm run check -- --changed         content, build, then doctests and axe of the pages changed against main
 *
 * In GitHub Actions every `file:line:column: message` is also printed as a workflow command and listed in the job
 * summary (annotations.ts).
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annotationsIn, jobSummary, workflowCommand } from './annotations.ts';
import { baseBranch, changedFiles, changedPages, changesEveryPage, type ChangedPage } from '../lib/changed-files.ts';

interface Step {
  name: string;
  what: string;
  command: string[];
  /** Steps that must pass first; when one fails this one is skipped, not run into the same error. */
  needs?: string[];
  /** Steps that must finish first, pass or fail. */
  after?: string[];
  /** Said when the step fails, after its own messages. */
  hint: string;
  /** On failure, show the output from the first line matching this (the build logs progress before its error). */
  focus?: RegExp;
  /** Run only when asked for (`--changed` or `--only`): it needs a browser, which `npm run check` does without. */
  optIn?: boolean;
}

const steps: Step[] = [
  {
    name: 'content',
    what: 'every note: files, frontmatter, content policy, URLs, citations, tables, snippets, links',
    command: ['tsx', 'scripts/check/content.ts'],
    hint: 'Fix the fields named above (CONTRIBUTING.md, "Frontmatter").',
  },
  {
    name: 'lint',
    what: 'ESLint',
    command: ['eslint', '--max-warnings=0', '.'],
    hint: 'Fix the lines ESLint names; `npx eslint --fix <file>` fixes some by itself.',
  },
  {
    name: 'format',
    what: 'Prettier',
    command: ['prettier', '--check', '--log-level=warn', '.'],
    hint: 'Run `npm run format` (or `npx prettier --write <file>`) to format the files named above.',
  },
  {
    name: 'unit',
    what: 'unit tests and doctests (Vitest)',
    command: ['vitest', 'run', '--project', 'unit', '--reporter=dot'],
    hint: 'Each failing test above names its file and line; `npx vitest <file>` reruns one.',
  },
  {
    name: 'types',
    what: 'type check (astro check)',
    command: ['astro', 'check', '--minimumSeverity=warning'],
    needs: ['content'],
    hint: 'Fix the type errors at the file:line:column shown above.',
  },
  {
    name: 'build',
    what: 'build: schemas, sources, citations, tables, links, search index',
    command: ['astro', 'build'],
    needs: ['content'],
    // Both write .astro/ (generated types, content store): run together they would race.
    after: ['types'],
    focus: /\[ERROR\]|error/i,
    hint: 'The build stops at the first content error: fix the file and line it names, then run the check again.',
  },
  {
    name: 'size',
    what: 'byte budgets of every built page, island and chunk (`npm run size` prints them)',
    command: ['node', 'scripts/size.ts'],
    needs: ['build'],
    hint: 'Each line names the page or asset, its gzipped size and the budget (scripts/lib/budgets.ts, src/features/<feature>/budget.ts): load the asset on use, or make it smaller.',
  },
  {
    name: 'repro',
    what: 'reproducible build: a second, cold build is byte-identical to dist/',
    command: ['node', 'scripts/check-reproducible.ts'],
    needs: ['build'],
    hint: 'Each differing file is shown where the two builds part: make that output independent of time, order and machine load.',
  },
  {
    name: 'pages',
    what: 'doctests and axe of the changed pages, in Chromium',
    command: ['playwright', 'test', 'tests/e2e/doctests.spec.ts', 'tests/e2e/a11y.spec.ts'],
    needs: ['build'],
    optIn: true,
    hint: 'Each failing test names the page and the snippet or rule; `npx playwright test <spec>` reruns it.',
  },
];

/** What `--changed` runs: the fast feedback a pull request gets first. */
const CHANGED_STEPS = ['content', 'build', 'pages'];

type Outcome = 'passed' | 'failed' | 'skipped';

interface Result {
  outcome: Outcome;
  output: string;
  seconds: number;
}

/** Colours when a person watches the terminal, plain text in CI logs and pipes. */
function colourEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...env } = process.env;
  return process.stdout.isTTY ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' };
}

function runCommand([bin, ...args]: string[], env: NodeJS.ProcessEnv = {}): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin!, args, {
      env: { ...colourEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${bin} could not start: ${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The steps `--only a,b` or `--changed` names, or all but the opt-in ones; a wrong argument stops with one line. */
function selectedSteps(argv: string[]): { chosen: Step[]; changed: boolean } {
  const stepNames = steps.map((s) => s.name).join(', ');
  let only: string | undefined;
  let changed: boolean | undefined;
  try {
    ({ only, changed } = parseArgs({
      args: argv,
      options: { only: { type: 'string' }, changed: { type: 'boolean' } },
    }).values);
  } catch (error) {
    console.error(
      `check: ${(error as Error).message.split('\n')[0]}. Use \`--only <steps>\` with some of ${stepNames}.`,
    );
    process.exit(2);
  }
  if (changed) return { chosen: steps.filter((step) => CHANGED_STEPS.includes(step.name)), changed: true };
  if (only === undefined) return { chosen: steps.filter((step) => !step.optIn), changed: false };
  const names = only.split(',').filter(Boolean);
  const unknown = names.filter((name) => !steps.some((step) => step.name === name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(`check: unknown step "${unknown.join(', ') || '(none)'}" after --only; the steps are ${stepNames}.`);
    process.exit(2);
  }
  return { chosen: steps.filter((step) => names.includes(step.name)), changed: false };
}

/** The pages a change touches, for the browser step (`CHECK_PAGES`, empty for none) and the job summary. */
function pagesChanged(): { pages: ChangedPage[]; env: NodeJS.ProcessEnv } | undefined {
  let files;
  try {
    files = changedFiles(baseBranch());
  } catch (error) {
    console.log(`check: cannot tell what changed (${(error as Error).message}); checking every page.`);
    return undefined;
  }
  const pages = changedPages(files);
  // Code, styles or sources can change any page: then every page is checked.
  if (changesEveryPage(files)) return { pages, env: {} };
  const shown = pages.filter((page) => page.kind !== 'removed').map((page) => page.path);
  return { pages, env: { CHECK_PAGES: shown.join(',') || 'none' } };
}

async function main(): Promise<void> {
  const { chosen, changed } = selectedSteps(process.argv.slice(2));
  const inActions = process.env.GITHUB_ACTIONS === 'true';
  const change = changed || inActions ? pagesChanged() : undefined;
  if (changed && change) {
    const { CHECK_PAGES: only } = change.env;
    console.log(`Changed pages: ${only === undefined ? 'all (code or sources changed)' : only}\n`);
  }
  const started = performance.now();
  const results = new Map<string, Promise<Result>>();

  const run = (step: Step): Promise<Result> => {
    const existing = results.get(step.name);
    if (existing) return existing;
    const promise = (async (): Promise<Result> => {
      const chosenStep = (name: string) => chosen.filter((s) => s.name === name);
      const needs = (step.needs ?? []).flatMap(chosenStep);
      const needed = await Promise.all(needs.map(run));
      await Promise.all((step.after ?? []).flatMap(chosenStep).map(run));
      const unmet = needs.filter((_, index) => needed[index]!.outcome !== 'passed').map((s) => s.name);
      if (unmet.length > 0) return report(step, { outcome: 'skipped', output: unmet.join(', '), seconds: 0 });
      if (step.name === 'pages' && change?.env.CHECK_PAGES === 'none') {
        console.log(`- ${step.name.padEnd(8)}          no page changed: nothing to run in Chromium`);
        return { outcome: 'passed', output: '', seconds: 0 };
      }
      const t0 = performance.now();
      const { ok, output } = await runCommand(step.command, step.name === 'pages' ? change?.env : {});
      return report(step, { outcome: ok ? 'passed' : 'failed', output, seconds: (performance.now() - t0) / 1000 });
    })();
    results.set(step.name, promise);
    return promise;
  };

  const all = await Promise.all(chosen.map(run));
  if (inActions) {
    const annotations = chosen.flatMap((step, index) => annotationsIn(all[index]!.output, step.name));
    for (const annotation of annotations) console.log(workflowCommand(annotation));
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, jobSummary(annotations, change?.pages));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failed = chosen.filter((_, index) => all[index]!.outcome === 'failed').map((step) => step.name);
  if (failed.length === 0) {
    console.log(`\ncheck passed: ${chosen.length} steps in ${seconds} s`);
  } else {
    console.log(`\ncheck failed in ${seconds} s: ${failed.join(', ')}. Fix what is named above, then run it again.`);
    process.exitCode = 1;
  }
}

function report(step: Step, result: Result): Result {
  const label = step.name.padEnd(8);
  if (result.outcome === 'passed') console.log(`✓ ${label} ${result.seconds.toFixed(1).padStart(5)} s  ${step.what}`);
  else if (result.outcome === 'skipped') console.log(`- ${label}          skipped until ${result.output} passes`);
  else {
    // One stream for everything, so the report reads in order when piped.
    console.log(`✗ ${label} ${result.seconds.toFixed(1).padStart(5)} s  ${step.what}`);
    console.log(indent(readable(result.output, step.focus)));
    console.log(`  → ${step.hint}\n`);
  }
  return result;
}

/**
 * A failing tool's output without what a contributor cannot act on: progress
 * logged before the error, and stack traces into our dependencies.
 */
export function readable(output: string, focus?: RegExp): string {
  const lines = output.trimEnd().split('\n');
  const start = focus
    ? Math.max(
        0,
        lines.findIndex((line) => focus.test(line)),
      )
    : 0;
  return lines
    .slice(start)
    .filter((line) => !/^\s*Stack trace:\s*$/.test(line) && !/^\s+at .*(?:\(.*:\d+:\d+\)|:\d+:\d+)$/.test(line))
    .join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

await main();
