/** End-to-end tests in real Chromium (playwright-core + Debian's chromium): `npm run test:e2e`. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The first run builds the add-in with webpack (minutes on a two-core machine).
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 1,
};
