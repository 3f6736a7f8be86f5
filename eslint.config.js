// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import samrad from './tools/eslint/layers.js';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'coverage/', '.data/', 'docs/schema/', 'tests/lint/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { samrad },
    rules: {
      'samrad/layers': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/entries/**', 'src/views/**', 'src/hosts/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // React's rules of hooks, and the accessibility rules that can be checked statically (axe checks the rest end to end).
    files: ['src/views/**', 'src/entries/**', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // Office.js is a global from Microsoft's CDN; one adapter reads it, so everything else stays testable without it.
    files: ['src/**'],
    ignores: ['src/hosts/outlook/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Only src/hosts/outlook/ touches Office.js (ADR 0004).' }],
    },
  },
  {
    // The domain and the views read time through the Clock port; only composition roots know the system clock.
    files: ['src/core/**', 'src/views/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Read the time through the Clock port (src/core/time/clock.ts), so rules about "now" stay testable.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time through the Clock port (src/core/time/clock.ts), so rules about "now" stay testable.',
        },
      ],
    },
  },
);
