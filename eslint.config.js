// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * @param {string} property
 * @param {string} [object]
 */
const sink = (property, object) => ({
  ...(object && { object }),
  property,
  message: 'parses a string as HTML in the page. Build the DOM with createElement, textContent and setAttribute.',
});
const HTML_SINKS = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment'].map((p) => sink(p)),
  sink('write', 'document'),
  sink('writeln', 'document'),
];

/**
 * Lint catches mistakes the type checker cannot (unused code, suspicious
 * patterns); formatting is Prettier's job, so no style rules here. Rules are
 * the recommended sets, without type information: `astro check` already type-checks
 * and `npm run check` stays fast.
 */
export default defineConfig(
  {
    ignores: [
      'dist/',
      '**/.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'preview/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `catch {}` is how "ignore this failure" is written (e.g. storage disabled).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `_name` marks a binding that is deliberately unused (e.g. omitted by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Islands (client scripts) live in feature folders and run in the browser.
    files: ['src/features/**/*.ts', 'src/features/**/*.astro', 'src/components/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Page scripts handle what notes wrote (ids, captions, cells, excerpts): markup is built with textContent and
    // attributes, so no string ever becomes live HTML in the reader's page.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    rules: {
      'no-restricted-properties': ['error', ...HTML_SINKS],
    },
  },
);
