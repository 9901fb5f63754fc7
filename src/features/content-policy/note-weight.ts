/**
 * A note's weight: the images it shows are downloaded by every reader of its page, so they count against the page's
 * media budget (the one `npm run size` holds the built page to), and one file shown again and again is refused.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Position } from 'unist';
import { PAGE_MEDIA_KB } from '../../core/budget';

/** How many times a note may show the same image file. */
export const MAX_SAME_IMAGE = 3;

/** One image a note shows: the site path of its file (`/figures/a.png`) and where the note shows it. */
export interface ShownImage {
  path: string;
  node: { position?: Position | undefined };
}

/** Gzipped sizes by file, its modification time and size: `npm run dev` re-reads a file that changed. */
const weights = new Map<string, number>();

/** The file's kB of gzip -9, the unit of every budget; undefined when public/ has no such file (the link check says so). */
function gzipOf(publicDir: string, sitePath: string): number | undefined {
  const root = resolve(publicDir);
  const file = resolve(root, `.${sitePath}`);
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  const { mtimeMs, size } = statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  if (!weights.has(key)) weights.set(key, gzipSync(readFileSync(file), { level: 9 }).length);
  return weights.get(key);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** What is wrong with the images of one note, each at the image that breaks the rule. */
export function weightProblems(
  images: readonly ShownImage[],
  publicDir: string,
): { node: ShownImage['node']; message: string }[] {
  const problems: { node: ShownImage['node']; message: string }[] = [];
  const uses = new Map<string, number>();
  const counted = new Map<string, number>();
  const budget = PAGE_MEDIA_KB * 1000;
  let total = 0;
  let over = false;
  for (const image of images) {
    const count = (uses.get(image.path) ?? 0) + 1;
    uses.set(image.path, count);
    if (count === MAX_SAME_IMAGE + 1)
      problems.push({
        node: image.node,
        message: `${image.path} is shown ${MAX_SAME_IMAGE + 1} times or more in this note; a note may show one image at most ${MAX_SAME_IMAGE} times. Show it once and refer to it in the text.`,
      });
    if (counted.has(image.path)) continue;
    const gzip = gzipOf(publicDir, image.path);
    if (gzip === undefined) continue;
    counted.set(image.path, gzip);
    total += gzip;
    if (total > budget && !over) {
      over = true;
      const heaviest = [...counted]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([path, size]) => `${path} ${kB(size)}`)
        .join(', ');
      problems.push({
        node: image.node,
        message: `the note's images reach ${kB(total)} gz here, over the page's ${kB(budget)} media budget (src/core/budget.ts), which every reader downloads: ${heaviest}. Make them smaller (a compressed .webp or .avif, a smaller size) or show fewer.`,
      });
    }
  }
  return problems;
}
