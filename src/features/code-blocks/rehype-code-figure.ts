import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * Wraps every highlighted code block in a `<figure class="code">` with a copy
 * button. The button starts `hidden` and the page script reveals it, so readers
 * without JavaScript never see a control that does nothing.
 */
export function rehypeCodeFigure() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      if (parent.type === 'element' && parent.tagName === 'figure') return;
      const language = String(node.properties.dataLanguage ?? '');
      // The button is a control, not content: search excerpts must not read "}Copy300 ms".
      const figure = h('figure', { className: ['code'], dataLanguage: language || undefined }, [
        h(
          'button',
          { type: 'button', className: ['code-copy'], hidden: true, dataCopy: '', dataPagefindIgnore: true },
          'Copy',
        ),
        node,
      ]);
      parent.children[index] = figure;
    });
  };
}
