// Fault tests: the BUILT API (node dist/apps/api/main.js) as child processes, killed with SIGKILL
// in the middle of writes or stopped with SIGTERM, then the database is opened and checked.
// SQLite by default; PostgreSQL when SHIFTDESK_TEST_DATABASE_URL is set (a schema per test file).
module.exports = {
  displayName: 'faults',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Processes and databases of their own, but the machine is small: one file at a time.
  maxWorkers: 1,
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
