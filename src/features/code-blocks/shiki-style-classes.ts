import { transformerStyleToClass } from '@shikijs/transformers';

/**
 * Shiki writes token colours as inline `style` attributes, which a
 * Content-Security-Policy without 'unsafe-inline' blocks. This transformer turns
 * each distinct style into a class and remembers it; the code-styles integration
 * (src/features/code-blocks/code-styles.ts) writes the collected rules to a stylesheet.
 *
 * One shared instance: the Markdown pipeline fills it while pages are rendered and
 * the integration reads it when the build is done.
 */
export const shikiStyleClasses = transformerStyleToClass({ classPrefix: 'sh-' });

/** Where the collected rules are served, relative to the site's base path. */
export const CODE_STYLES_FILE = 'code-highlight.css';

/**
 * The collected rules, sorted by class name. Pages render concurrently, so the
 * order in which classes are registered changes from build to build; sorting
 * keeps the stylesheet byte-identical for the same content.
 */
export function codeStylesCSS(): string {
  const registry = shikiStyleClasses.getClassRegistry();
  const sorted = [...registry].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  registry.clear();
  for (const [className, style] of sorted) registry.set(className, style);
  return shikiStyleClasses.getCSS();
}
