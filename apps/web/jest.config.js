// Component and store tests in jsdom, zoneless like the app itself.
module.exports = {
  displayName: 'web',
  preset: 'jest-preset-angular',
  rootDir: __dirname,
  // Web libs' specs run here too, so jest must crawl them.
  roots: ['<rootDir>/src', '<rootDir>/../../libs/web'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/../../libs/web/**/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleNameMapper: {
    '^@shiftdesk/scheduling$': '<rootDir>/../../libs/scheduling/src/index.ts',
    '^@shiftdesk/web-util/testing$': '<rootDir>/../../libs/web/util/src/testing.ts',
    '^@shiftdesk/web-([a-z-]+)$': '<rootDir>/../../libs/web/$1/src/index.ts',
    '^@shiftdesk/shared-api-contract$': '<rootDir>/../../libs/shared/api-contract/src/index.ts',
  },
  coverageDirectory: '../../coverage/apps/web',
  // A timeout catches hangs, not slowness: the first component test of a file (Angular compiles
  // it) took 1.7 s alone and over 5 s, jest's default, with lint running on the other core.
  testTimeout: 20_000,
};
