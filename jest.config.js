/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  // Integration tests run on real Azurite (blob, table and queue service) on a shared machine: 5 s is too tight.
  testTimeout: 30_000,
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    { displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], transform, testEnvironment: 'node' },
  ],
};
