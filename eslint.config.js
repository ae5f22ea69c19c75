import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { noRestrictedDynamicImports } from './lint/dynamic-imports.js';
import { LAYERS } from './lint/layers.js';

/**
 * Process and layer boundaries, enforced (lint/layers.js builds each layer's list from the one it sits in). In a
 * flat config a later rule for the same files replaces an earlier one: each layer below carries its whole list.
 */
const restrict = (layer) => ({
  'no-restricted-imports': ['error', { patterns: layer }],
  'layers/no-restricted-dynamic-imports': ['error', { patterns: layer }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { 'no-restricted-dynamic-imports': noRestrictedDynamicImports } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(LAYERS.shared),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(LAYERS.renderer),
    },
  },
  {
    // The face detector's helper runs as plain CommonJS under node (tfjs' node builds are CommonJS).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', Buffer: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The main process, its shells and the CLI: everything in electron/ above the repositories.
    files: ['electron/**/*.ts'],
    rules: restrict(LAYERS.aboveRepositories),
  },
  {
    files: ['electron/main/repositories/**/*.ts'],
    rules: restrict(LAYERS.repositories),
  },
  {
    files: ['electron/main/services/**/*.ts'],
    rules: restrict(LAYERS.services),
  },
);
