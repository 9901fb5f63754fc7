import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core on the page, every rule it runs by default, with full details for violations only: the tests assert
 * violations, and collecting every passing node too made each run 4–5 times slower (1.5–4.4 s against 0.2–0.9 s
 * per page here), which added minutes to the suite.
 *
 * A page without frames runs in axe's single-pass ("legacy") mode. The default mode exists to reach cross-origin
 * frames: it runs axe in each frame, then merges the parts in a blank page it opens, which cost 2–3.5 s more per
 * run here (2.7 s against 0.8 s on the 404 page, 5.0 s against 1.5 s on the longest chapter) and timed an axe test
 * out on a loaded CI. With nothing but the top document there is nothing to merge, and both modes run the same
 * rules on it. A page with a frame (a snippet's sandbox) keeps the default mode, so no frame goes unchecked.
 */
export function axe(page: Page): AxeBuilder {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  return page.frames().length === 1 ? builder.setLegacyMode(true) : builder;
}
