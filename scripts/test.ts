/**
 * `npm test` (and so `.ci/run`): every step of the suite in order, each one's
 * output shown as it runs. It stops at the first step that fails, and ends with
 * one line giving each step's time and the whole suite's.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string[];
  /**
   * Runs beside the step after it, its output held and shown whole when it ends so the two never interleave: the
   * browser tests leave part of the machine idle while pages wait on timers and Python, which this step fills.
   */
  beside?: boolean;
}

export const steps: Step[] = [
  // Installs Debian's Chromium headless shell and pdftotext when missing (a fresh container).
  { name: 'chromium', command: [process.execPath, 'scripts/ensure-chromium.ts'] },
  // Every gate without a browser; prints each of its own steps' times.
  { name: 'check', command: ['npm', 'run', 'check'] },
  // The command-line tools on fixture trees, each built in a copy of the project (Vitest).
  { name: 'cli', command: ['npm', 'run', 'test:cli'], beside: true },
  // The site `check` built, in Chromium (Playwright).
  { name: 'e2e', command: ['npm', 'run', 'test:e2e'] },
];

/** Runs a command; its output goes to the terminal as it comes, or, when `held`, into the returned text. */
function run([bin, ...args]: string[], held = false): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin!, args, { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${bin} could not start: ${error.message}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
}

/** Runs one step and reports it; a step run `held` prints its output, and that it ran beside another, once done. */
async function timed(step: Step, held: boolean): Promise<Outcome> {
  const t0 = performance.now();
  const { ok, output } = await run(step.command, held);
  const ms = performance.now() - t0;
  if (held) process.stdout.write(`\n── ${step.name} (ran beside the next step) ──\n${output}`);
  console.log(`\n${ok ? '✓' : '✗'} ${step.name} ${ok ? 'passed' : 'failed'} in ${seconds(ms)}\n`);
  return { name: step.name, ok, ms };
}

// Imported by the workflow test, which compares these steps with CI's.
if (import.meta.main) {
  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const next = step.beside ? steps[++index] : undefined;
    if (next) console.log(`\n${step.name} runs beside ${next.name}; its output follows when it ends.\n`);
    const done = await Promise.all([timed(step, next !== undefined), ...(next ? [timed(next, false)] : [])]);
    outcomes.push(...done);
    if (done.some((outcome) => !outcome.ok)) break;
  }
  const total = seconds(performance.now() - started);
  const times = outcomes.map(({ name, ok, ms }) => `${name} ${seconds(ms)}${ok ? '' : ' (failed)'}`).join(', ');
  const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.name);
  if (failed.length === 0) {
    console.log(`npm test passed in ${total}: ${times}`);
  } else {
    console.log(`npm test failed at ${failed.join(' and ')} after ${total}: ${times}`);
    process.exitCode = 1;
  }
}
