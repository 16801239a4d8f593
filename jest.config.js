/** @type {import('jest').Config} */

// jose 6 ships ES modules only. Jest loads them natively on Node 24.9+ (require(esm)); on
// Node 20 they are compiled to CommonJS like our own code.
const transform = {
  '^.+\\.ts$': 'ts-jest',
  '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
};
const common = { transform, transformIgnorePatterns: ['/node_modules/(?!jose/)'], testEnvironment: 'node' };

// Set-up is per project, and jest runs a project's set-up only when one of its tests runs:
// `npx jest tests/unit` starts no storage and needs no browser.
module.exports = {
  // A shared two-core machine can be slow; a timeout only catches a hang, it never times the code.
  // A global option: inside a project Jest ignores it (and falls back to 5 s).
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/e2eGlobalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
  ],
};
