/**
 * First step of `npm test` (and so of `.ci/run`): the browser tests need
 * Chromium. When it is missing and this machine can install it (root, apt-get:
 * a fresh Debian container), installs Debian's `chromium`; otherwise stops with
 * one line saying what to run.
 */
import { spawnSync } from 'node:child_process';
import { chromiumSetup, findChromium, findOnPath, INSTALL_CHROMIUM } from './lib/chromium.ts';

const setup = chromiumSetup({
  chromium: findChromium(),
  root: process.getuid?.() === 0,
  aptGet: findOnPath('apt-get'),
});

if (setup.action === 'stop') {
  console.error(setup.message);
  process.exit(1);
}
if (setup.action === 'install') {
  console.log("Installing Debian's chromium for the browser tests (apt-get)…");
  for (const [command, ...args] of setup.commands) {
    const result = spawnSync(command!, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`\`${[command, ...args].join(' ')}\` failed. ${INSTALL_CHROMIUM}`);
      process.exit(1);
    }
  }
  if (!findChromium()) {
    console.error(`apt-get installed chromium, but it is not on PATH. ${INSTALL_CHROMIUM}`);
    process.exit(1);
  }
}
