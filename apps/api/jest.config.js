// API tests talk HTTP to a real Nest app on a real database file (SQLite by default,
// PostgreSQL when SHIFTDESK_TEST_DATABASE_URL is set): no mocked repositories.
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api',
};
