/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config so `astro:*` modules and the
// Markdown pipeline resolve exactly as in the build.
export default getViteConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      // Fast, in-process: part of `npm run check`. Files share their worker's module cache (isolate: false), so
      // Astro, Shiki and TypeScript load once per worker rather than once per file; no test relies on fresh modules.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // The command-line tools run as a contributor runs them (each builds a project copy): `npm test` only. A file
      // mostly waits for the builds it starts, so two run side by side (on two cores Vitest would run one at a time).
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['tests/cli/**/*.test.ts'],
          testTimeout: 180_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
