import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { OUTPUT_CHECK_FLAGS, chromiumExecutable } from './scripts/lib/chromium';

/**
 * Browser tests read the built site (`dist/`), served by `astro preview`, in
 * Debian's Chromium: browsers cannot be downloaded here, so Playwright drives
 * the system binary.
 */
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  // Half the cores, and at least two, with or without CI: a test mostly waits on the browser, so two keep two cores busy.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: OUTPUT_CHECK_FLAGS,
    },
  },
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
