/**
 * Checks every link of the already built site in dist/: the same check
 * `npm run build` runs at its end, for a dist/ built or edited another way.
 *
 *   npm run check:links
 */
import { formatContentProblem } from '../src/core/content-error.ts';
import { checkLinks } from '../src/features/links/link-check.ts';
import { site } from '../src/site.ts';

const started = performance.now();
const problems = await checkLinks('dist', { base: site.base, site: site.url });
if (problems.length > 0) {
  console.error(
    `${problems.length} broken link${problems.length === 1 ? '' : 's'} in dist/:\n${problems.map(formatContentProblem).join('\n')}`,
  );
  process.exit(1);
}
console.log(`All links in dist/ resolve (${Math.round(performance.now() - started)} ms).`);
