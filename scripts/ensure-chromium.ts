/**
 * First step of `npm test` (and so of `.ci/run`): the browser tests need
 * Chromium (and `pdftotext` for the printed chapter). When one is missing and this
 * machine can install it (root, apt-get: a fresh Debian container), installs the
 * Debian packages; otherwise stops with one line saying what to run.
 */
import { spawnSync } from 'node:child_process';
import which from 'which';
import { chromiumSetup, installInstruction, missingTestPackages } from './lib/chromium.ts';

const missing = missingTestPackages();
const setup = chromiumSetup({
  missing,
  root: process.getuid?.() === 0,
  aptGet: which.sync('apt-get', { nothrow: true }) ?? undefined,
});

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
    if (result.status !== 0) {
      console.error(`\`${[command, ...args].join(' ')}\` failed. ${installInstruction(missing)}`);
      process.exit(1);
    }
  }
  const still = missingTestPackages();
  if (still.length > 0) {
    console.error(`apt-get installed ${still.join(' and ')}, but not on PATH. ${installInstruction(still)}`);
    process.exit(1);
  }
}
