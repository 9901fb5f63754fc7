import { afterEach, describe, expect, it } from 'vitest';
import { codeStylesCSS, shikiStyleClasses } from '../../../src/features/code-blocks/shiki-style-classes';

describe('code-highlight.css', () => {
  afterEach(() => shikiStyleClasses.clearRegistry());

  it('is the same whatever order pages registered their token styles in', () => {
    const registry = shikiStyleClasses.getClassRegistry();
    registry.set('sh-b', { color: 'red' });
    registry.set('sh-a', 'color:blue');
    const first = codeStylesCSS();
    shikiStyleClasses.clearRegistry();
    registry.set('sh-a', 'color:blue');
    registry.set('sh-b', { color: 'red' });
    expect(codeStylesCSS()).toBe(first);
    expect(first).toBe('.sh-a{color:blue}.sh-b{color:red}');
  });
});
