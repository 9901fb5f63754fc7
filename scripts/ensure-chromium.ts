/**
 * First step of `npm test` (and so of `.ci/run`): the browser tests need
 * Chromium's headless shell (and `pdftotext` for the printed chapter). When one is
 * missing and this machine can install it (root, apt-get: a fresh Debian container),
 * installs the Debian packages; otherwise stops with one line saying what to run.
 * A machine with only the full Chromium runs the tests on it, slower, and is told so.
 */
import { spawnSync } from 'node:child_process';
import which from 'which';
import { chromiumSetup, findFullChromium, installInstruction, missingTestPackages } from './lib/chromium.ts';

const missing = missingTestPackages();
const setup = chromiumSetup({
  missing,
  root: process.getuid?.() === 0,
  aptGet: which.sync('apt-get', { nothrow: true }) ?? undefined,
  fullChromium: findFullChromium(),
});

/** Ends the step: on the full Chromium when only the shell apt-get could not install is missing, else failed. */
function runSlowerOrExit(message: string): never {
  const after = chromiumSetup({ missing: missingTestPackages(), root: false, fullChromium: findFullChromium() });
  if (after.action === 'ready' && after.slower) {
    console.warn(`${message}\n${after.slower}`);
    process.exit(0);
  }
  console.error(message);
  process.exit(1);
}

if (setup.action === 'stop') {
  console.error(setup.message);
  process.exit(1);
}
if (setup.action === 'install') {
  console.log(`Installing Debian's ${missing.join(' and ')} for the browser tests (apt-get)…`);
  for (const [command, ...args] of setup.commands) {
    const result = spawnSync(command!, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      runSlowerOrExit(`\`${[command, ...args].join(' ')}\` failed. ${installInstruction(missing)}`);
  }
  const still = missingTestPackages();
  if (still.length > 0)
    runSlowerOrExit(`apt-get installed ${still.join(' and ')}, but not on PATH. ${installInstruction(still)}`);
}
if (setup.action === 'ready' && setup.slower) console.warn(setup.slower);
