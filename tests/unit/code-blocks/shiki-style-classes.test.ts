import { describe, expect, it } from 'vitest';
import { codeStyleClasses, codeStylesCSS } from '../../../src/features/code-blocks/shiki-style-classes';

describe('code-highlight.css', () => {
  it('is the same whatever order pages registered their token styles in', () => {
    const first = codeStyleClasses();
    first.getClassRegistry().set('sh-b', { color: 'red' });
    first.getClassRegistry().set('sh-a', 'color:blue');
    const second = codeStyleClasses();
    second.getClassRegistry().set('sh-a', 'color:blue');
    second.getClassRegistry().set('sh-b', { color: 'red' });
    expect(codeStylesCSS(first)).toBe(codeStylesCSS(second));
    expect(codeStylesCSS(first)).toBe('.sh-a{color:blue}.sh-b{color:red}');
  });
});
