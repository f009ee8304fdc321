// Shared Jest settings. Every suite runs with TZ pinned by the caller (tests/run-all.mjs),
// so a helper that leaks the host's local zone shows up as a failure, not a flaky pass.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
