import { expect, test } from 'vitest';
import { attribute, owner } from '../../../scripts/bench/feature-cost.ts';

const root = process.cwd();
const frame = (url: string, functionName = 'f') => ({ url, functionName });

test('a frame belongs to its feature, our shared code, its package or the runtime', () => {
  expect(owner(frame(`file://${root}/src/features/tables/validate.ts`)).name).toBe('feature: tables');
  expect(owner(frame(`file://${root}/src/core/slug.ts`))).toEqual({ ours: true, name: 'src/core' });
  expect(owner(frame(`file://${root}/node_modules/@shikijs/core/dist/index.mjs`))).toEqual({
    ours: false,
    name: '@shikijs/core',
  });
  expect(owner(frame('', '(garbage collector)')).name).toBe('(garbage collection)');
  expect(owner(frame('node:internal/fs/utils')).name).toBe('(Node)');
});

test('a sample goes to the innermost frame of ours on its stack; idle time counts for nobody', () => {
  // (root) → feature code-blocks → shiki (leaf); (root) → micromark (leaf, no code of ours); (idle)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame(''), children: [2, 4, 5] },
      { id: 2, callFrame: frame(`file://${root}/src/features/code-blocks/rehype-highlight.ts`), children: [3] },
      { id: 3, callFrame: frame(`file://${root}/node_modules/shiki/dist/index.mjs`) },
      { id: 4, callFrame: frame(`file://${root}/node_modules/micromark/index.js`) },
      { id: 5, callFrame: frame('', '(idle)') },
    ],
    samples: [3, 3, 4, 5],
    timeDeltas: [1000, 2000, 4000, 8000],
  };
  expect(Object.fromEntries(attribute(profile))).toEqual({ 'feature: code-blocks': 3, micromark: 4 });
});
