/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  // Two cores: jest's default (cores - 1) would run one suite at a time.
  maxWorkers: 2,
  // Some tests do real work (a 5,000-row sheet, a whole province): on a loaded 2-core machine jest's 5 s default
  // fails them for slowness, which no unit test here measures (speed is the benchmark's job).
  testTimeout: 30000,
};
