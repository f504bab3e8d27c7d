import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Core layers must stay pure of I/O libraries: only src/adapters/ (files, native index, LLM client,
// document loaders), the other edge folders (storage, cache, channels, wiring) and main.ts touch them.
const ioLibraries = [
  'telegraf',
  'openai',
  'hnswlib-node',
  'better-sqlite3',
  'node:fs',
  'node:fs/promises',
  'fs',
];

export default tseslint.config(
  { ignores: ['node_modules', '.cache', 'data', 'test-artifacts', 'coverage', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/assistant/**/*.ts', 'src/knowledge/**/*.ts', 'src/retrieval/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioLibraries.map((name) => ({
            name,
            message: 'Core modules are pure: do I/O in an adapter or loader and pass data in.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
