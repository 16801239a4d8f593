import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // botbuilder is archived and teams-ai v1 is in maintenance: only the Teams layer may import them.
  // The domain is pure. Every layer imports only the layers below it (eslint/layers.mjs).
  ...layerRules,
  {
    files: ['**/*.js', '**/*.mjs', '.ci/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
