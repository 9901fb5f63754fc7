import { transformerStyleToClass, type ShikiTransformerStyleToClass } from '@shikijs/transformers';

/**
 * Shiki writes token colours as inline `style` attributes, which a Content-Security-Policy without 'unsafe-inline'
 * blocks. Shiki's style-to-class transformer turns each distinct style into a class and remembers it: astro.config.mjs
 * makes one per build and hands it to the Markdown pipeline, which fills it, and to the code-styles integration
 * (code-styles.ts), which writes the collected rules to a stylesheet.
 */
export function codeStyleClasses(): ShikiTransformerStyleToClass {
  return transformerStyleToClass({ classPrefix: 'sh-' });
}

/** Where the collected rules are served, relative to the site's base path. */
export const CODE_STYLES_FILE = 'code-highlight.css';

/**
 * The collected rules, sorted by class name: pages render concurrently, so the order in which classes are
 * registered changes from build to build, and sorting keeps the stylesheet byte-identical for the same content.
 */
export function codeStylesCSS(styles: ShikiTransformerStyleToClass): string {
  const registry = styles.getClassRegistry();
  const sorted = [...registry].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  registry.clear();
  for (const [className, style] of sorted) registry.set(className, style);
  return styles.getCSS();
}
