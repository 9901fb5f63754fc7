/**
 * Launching Debian's Chromium from scripts (benchmark, Lighthouse) the same
 * way the Playwright tests do.
 */
export { chromiumExecutable } from '../../tests/e2e/chromium.ts';

/** Headless, sandbox-free, and quiet: no first-run UI, no background requests to other hosts. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
