import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Pagefind's weight for the words of a code block (prose weighs 1, headings
 * more). A word found in both an example and a sentence then scores higher in
 * the sentence, so results open on the explanation, and Pagefind centres
 * excerpts on prose rather than on flattened code.
 */
const CODE_WEIGHT = '0.5';

/** Gives every code block (`<pre>`) the lower search weight; inline code in prose keeps the prose's. */
export function rehypeCodeWeight() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre') node.properties['dataPagefindWeight'] = CODE_WEIGHT;
    });
  };
}
