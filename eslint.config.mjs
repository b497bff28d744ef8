import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/miniprogram_dist/**',
      'coverage/**',
      '.cloudbase/**',
      'cloudfunctions/*/index.js',
      'test-artifacts/**',
      'bench/results/**',
      'miniprogram/miniprogram_npm/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Plain CommonJS files: jest configs, deployable function entries, fixture functions.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Mini program JavaScript of the adoption fixture and of the adoption guide's pages.
    files: ['test/fixtures/adopt-project/miniprogram/**/*.js', 'test/adopt/guide/**/*.js'],
    languageOptions: {
      globals: { wx: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly' },
    },
  },
  {
    files: ['miniprogram/**/*.ts'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
      },
    },
  },
  prettier,
);
