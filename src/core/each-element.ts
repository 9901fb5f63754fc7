import type { Element, Root } from 'hast';

type Parent = Root | Element;

/**
 * Calls `visit` for every element under `parent`, depth first in document order, with its index and parent: the
 * walk of unist-util-visit's `visit(tree, 'element', …)`, without the closure and the ancestor list it allocates
 * for every node. By the time our rehype plugins run, Shiki has made each code token an element, and such a walk
 * over the 1,000 generated notes cost 0.4–0.7 CPU-s with unist-util-visit. Like it, the walk goes on into the
 * children of an element `visit` replaced, and through MDX's JSX nodes, whose children are hast too; `visit`
 * returns `false` to skip an element's children (unist-util-visit's SKIP).
 */
export function eachElement(
  parent: Parent,
  visit: (element: Element, index: number, parent: Parent) => boolean | void,
): void {
  const { children } = parent;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'element' && visit(child, index, parent) === false) continue;
    if ('children' in child) eachElement(child as Parent, visit);
  }
}
