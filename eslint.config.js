import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream'];
const IO_LIBRARIES = ['electron', 'sharp', 'exifr', 'lowdb', 'lowdb/*', 'heic-decode'];

/** Process boundaries, enforced: a folder-based take on Signal's file-suffix rule. */
const restrict = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, ...IO_LIBRARIES, 'react', 'react-dom', '@mui/*', '**/electron/**', '**/renderer/**'], 'shared/ is pure TypeScript: no Node, Electron, React or IO libraries.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_BUILTINS, ...IO_LIBRARIES, '**/electron/**'], 'The renderer reaches the main process only through api/client.ts.'),
    },
  },
  {
    // The face detector's helper runs as plain CommonJS under node (tfjs' node builds are CommonJS).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', Buffer: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', 'react-dom', '@mui/*'], 'electron/ never imports the renderer.'),
  },
  {
    // Services hold the rules and stay testable: no Electron and no IO libraries, only repositories.
    files: ['electron/main/services/**/*.ts'],
    rules: restrict(['electron', 'sharp', 'exifr', 'lowdb', 'lowdb/*', 'heic-decode', 'node:fs', 'node:fs/promises', 'fs', '**/renderer/**'], 'Services reach files, images and metadata through repositories.'),
  },
);
