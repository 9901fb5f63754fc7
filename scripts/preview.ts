/**
 * `npm run preview:pack`: what a pull request's reviewer downloads instead of a deploy preview. Copies the built
 * site into `preview/site/`, photographs the pages the change touches at 375 and 1280 px in the light and dark
 * themes (`preview/screenshots/`), and writes `preview/README.md` with the one line that serves the site.
 *
 *   npm run preview:pack                      pages changed against the main branch
 *   npm run preview:pack -- --pages /a/,/b/   these pages
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { builtPages } from '../src/core/built-site.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, startPreview } from './lib/chromium.ts';
import { baseBranch, changedFiles, changedPages, changesEveryPage } from './lib/changed-files.ts';

const OUT = 'preview';
const WIDTHS = [375, 1280] as const;
const THEMES = ['light', 'dark'] as const;

/** The pages to photograph: those named, else the notes the change touches, else every page (a code change). */
function pagesToShow(named: string | undefined, built: readonly string[]): string[] {
  if (named !== undefined) return named.split(',').filter(Boolean);
  const files = changedFiles(baseBranch());
  if (changesEveryPage(files)) return [...built];
  return changedPages(files)
    .filter((page) => page.kind !== 'removed' && built.includes(page.path))
    .map((page) => page.path);
}

export const shotName = (page: string, width: number, theme: string) =>
  `${page.replace(/^\/|\/$/g, '').replaceAll('/', '--') || 'home'}.${width}.${theme}.png`;

async function main(): Promise<void> {
  const { pages: named } = parseArgs({ options: { pages: { type: 'string' } } }).values;
  if (!existsSync('dist/index.html')) {
    console.error('preview: dist/ has no built site. Run `npm run build` first.');
    process.exit(1);
  }
  const built = builtPages('dist');
  const pages = pagesToShow(named, built);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  cpSync('dist', join(OUT, 'site'), { recursive: true });

  const preview = await startPreview();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  const shots: string[] = [];
  try {
    for (const page of pages) {
      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          const tab = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
          await tab.goto(`${preview.origin}${page}`, { waitUntil: 'load' });
          const name = shotName(page, width, theme);
          await tab.screenshot({ path: join(OUT, 'screenshots', name), fullPage: true });
          await tab.close();
          shots.push(name);
        }
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  writeFileSync(
    join(OUT, 'README.md'),
    [
      '# Preview of this change',
      '',
      'Serve the site from this folder with one line, then open the printed http://localhost address:',
      '',
      '    npx serve site',
      '',
      `Screenshots (375 and 1280 px, light and dark) of ${pages.length} page(s): ${pages.join(', ') || 'none'}.`,
      '',
      ...shots.map((name) => `- screenshots/${name}`),
      '',
    ].join('\n'),
  );
  console.log(`preview: ${OUT}/site and ${shots.length} screenshots of ${pages.length} page(s) in ${OUT}/screenshots.`);
}

await main();
