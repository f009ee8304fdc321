// Browser tests: playwright-core drives Debian's Chromium against the BUILT product
// (node dist/apps/api/main.js serving dist/apps/web/browser), started once by global-setup.ts.
module.exports = {
  displayName: 'browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // One server, one browser at a time: the suites share the database and the machine is small.
  maxWorkers: 1,
  testTimeout: 90_000,
  slowTestThreshold: 30,
};
