// One lint config for the whole workspace. Module boundaries are errors from the first
// commit: tags in each project.json say what may import what (see HOUSE_STYLE.md).
import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';

// `highs` is the roster solver's WebAssembly: it runs on the server (worker thread) only.
const browserBans = ['@nestjs/*', 'typeorm', 'sqlite3', 'pg', 'class-validator', 'class-transformer', 'highs'];

// The domain runs anywhere: only these outside packages are allowed in it. Its specs may
// also use the property-testing library.
const domainPackages = ['luxon', 'rrule', 'highs', 'ical-generator'];

const boundaries = (neutralPackages) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    banTransitiveDependencies: false,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util', 'type:contract'] },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:domain', 'type:util', 'type:contract'] },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contract'] },
      { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:domain', 'type:util', 'type:contract'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contract'] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
      { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:api'] },
      { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:web'] },
      { sourceTag: 'platform:neutral', allowedExternalImports: neutralPackages },
      { sourceTag: 'platform:browser', bannedExternalImports: browserBans },
      { sourceTag: 'platform:node', bannedExternalImports: ['@angular/*'] },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/coverage', '!libs/scheduling/src/coverage', '!apps/api/src/modules/coverage', 'tmp', 'data', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(domainPackages),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The solver entry point pulls in HiGHS (WebAssembly for node): never part of a browser bundle.
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@shiftdesk/scheduling/solver', message: 'The roster solver runs on the server; call the API instead.' },
            { name: '@shiftdesk/web-util/testing', message: 'Test helpers belong in specs only.' },
          ],
        },
      ],
    },
  },
  {
    // Specs may use the test helpers; the solver stays off limits.
    files: ['apps/web/**/*.spec.ts', 'libs/web/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@shiftdesk/scheduling/solver', message: 'The roster solver runs on the server; call the API instead.' }] }] },
  },
  {
    // Floating promises hide failures; needs type information, so only on TypeScript sources.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    plugins: { jest },
    rules: { '@nx/enforce-module-boundaries': boundaries([...domainPackages, 'fast-check']) },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'request.**.expect', '*.expect', 'expect*'] }],
    },
  },
];
