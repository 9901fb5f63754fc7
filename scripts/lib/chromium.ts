/**
 * Launching Debian's Chromium from scripts (benchmark, Lighthouse) the same
 * way the Playwright tests do.
 */
export { chromiumExecutable, CHROMIUM_FLAGS } from '../../tests/e2e/chromium.ts';
