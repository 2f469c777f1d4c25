import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**', '*.config.js', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
  {
    // The core is pure TypeScript: it must not reach for Office, React, Node or any xlsx library.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', '@fluentui/*', 'office-*', '@microsoft/*'], message: 'src/core is pure: no UI or Office imports.' },
          { group: ['exceljs', 'xlsx', 'fflate', 'saxes', 'jszip'], message: 'src/core is pure: file formats live in src/xlsx.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'util', 'crypto', 'stream', 'buffer', 'zlib'], message: 'src/core is pure: no Node built-ins.' },
          { group: ['**/xlsx/**', '**/excel/**', '**/taskpane/**', '**/cli/**', '**/commands/**'], message: 'src/core must not import adapters.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
);
