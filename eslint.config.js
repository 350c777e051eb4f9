// Lint: typescript-eslint + react-hooks, and the layer rules (each layer imports only from the
// layers below it; see docs/architecture.md). tests/unit/layers.test.ts checks the same rules
// with a plain scan so that a rule switched off here is still caught.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'zlib', 'buffer', 'events', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'tests/.output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/electron/**', 'electron'], message: 'renderer/ talks to the backend only through the api client and shared/.' },
        { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
      ] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', '**/electron/**', '**/renderer/**'], message: 'shared/ is the bottom layer.' },
        { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', '**/renderer/**', '**/main/**', '**/preload/**', '**/web/**', '**/cli/**'], message: 'electron/core/ never imports electron or the doors above it.' },
      ] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
