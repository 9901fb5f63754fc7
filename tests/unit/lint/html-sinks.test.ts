import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps page scripts from parsing strings as HTML (eslint.config.js). */
const eslint = new ESLint();
const problems = async (code: string, filePath = 'src/features/example/island.ts') => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.message);
};

describe('HTML sinks in src/', () => {
  it.each([
    ['element.innerHTML = id;'],
    ['element.outerHTML = id;'],
    ["element.insertAdjacentHTML('beforeend', id);"],
    ['element.setHTMLUnsafe(id);'],
    ['new Range().createContextualFragment(id);'],
    ['document.write(id);'],
    ['document.writeln(id);'],
  ])('refuses %s', async (line) => {
    const found = await problems(`declare const element: HTMLElement; declare const id: string;\n${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/Build the DOM with createElement, textContent and setAttribute/);
  });

  it('allows textContent and attributes', async () => {
    const code = `declare const element: HTMLElement; declare const id: string;
element.textContent = id;
element.setAttribute('id', id);
`;
    expect(await problems(code)).toEqual([]);
  });
});
