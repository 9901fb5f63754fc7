/**
 * `npm test` (and so `.ci/run`): every step of the suite in order, each one's
 * output shown as it runs. It stops at the first step that fails, and ends with
 * one line giving each step's time and the whole suite's.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string[];
}

export const steps: Step[] = [
  // Installs Debian's Chromium and pdftotext when missing (a fresh container).
  { name: 'chromium', command: [process.execPath, 'scripts/ensure-chromium.ts'] },
  // Every gate without a browser; prints each of its own steps' times.
  { name: 'check', command: ['npm', 'run', 'check'] },
  // The command-line tools on fixture trees, each built in a copy of the project (Vitest).
  { name: 'cli', command: ['npm', 'run', 'test:cli'] },
  // The site `check` built, in Chromium (Playwright).
  { name: 'e2e', command: ['npm', 'run', 'test:e2e'] },
];

function run([bin, ...args]: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(bin!, args, { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${bin} could not start: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// Imported by the workflow test, which compares these steps with CI's.
if (import.meta.main) {
  const started = performance.now();
  const times: string[] = [];
  let failed: string | undefined;
  for (const step of steps) {
    const t0 = performance.now();
    const ok = await run(step.command);
    const took = seconds(performance.now() - t0);
    times.push(`${step.name} ${took}${ok ? '' : ' (failed)'}`);
    console.log(`\n${ok ? '✓' : '✗'} ${step.name} ${ok ? 'passed' : 'failed'} in ${took}\n`);
    if (!ok) {
      failed = step.name;
      break;
    }
  }
  const total = seconds(performance.now() - started);
  if (failed === undefined) {
    console.log(`npm test passed in ${total}: ${times.join(', ')}`);
  } else {
    console.log(`npm test failed at ${failed} after ${total}: ${times.join(', ')}`);
    process.exitCode = 1;
  }
}
