import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const teamsPackages = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'];

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
  {
    // botbuilder is archived and teams-ai v1 is in maintenance: only the Teams layer may import them.
    files: ['src/**/*.ts'],
    // The echo bot is the benchmarks' floor: a bare teams-ai bot to compare svib-bot's turns with.
    ignores: ['src/teams/**', 'src/bench/echo/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: teamsPackages, message: 'Only src/teams may import Bot Framework or teams-ai.' }] }],
    },
  },
  {
    // The domain is pure: no I/O, no SDKs, no framework.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...teamsPackages, '@azure/*', 'restify', 'pino', 'node:*', 'fs', 'http', 'https', 'net'], message: 'The domain stays free of I/O.' },
            { group: ['**/storage/**', '**/teams/**', '**/http/**', '**/composition/**'], message: 'The domain depends on nothing around it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '.ci/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
