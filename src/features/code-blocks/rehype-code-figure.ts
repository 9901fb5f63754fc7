import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Wraps every highlighted code block in a `<figure class="code">` with a copy
 * button. The button starts `hidden` and the page script reveals it, so readers
 * without JavaScript never see a control that does nothing.
 */
export function rehypeCodeFigure() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      if (parent.type === 'element' && parent.tagName === 'figure') return;
      const language = String(node.properties.dataLanguage ?? '');
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['code'], dataLanguage: language || undefined },
        children: [
          {
            type: 'element',
            tagName: 'button',
            // A control, not content: search excerpts must not read "}Copy300 ms".
            properties: {
              type: 'button',
              className: ['code-copy'],
              hidden: true,
              dataCopy: '',
              dataPagefindIgnore: true,
            },
            children: [{ type: 'text', value: 'Copy' }],
          },
          node,
        ],
      };
      parent.children[index] = figure;
    });
  };
}
