/**
 * Mutation testing (`npm run mutate`): every mutant of src/ is run against the tests that cover
 * it. Left out for time: the zip build, the browser page and the 500-create load test, none of
 * which reaches a line the other tests do not.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ['src/**/*.ts'],
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    config: {
      // src/ among the roots, so Jest loads only the test files that import the mutated file.
      roots: ['<rootDir>/test', '<rootDir>/src'],
      testPathIgnorePatterns: ['/node_modules/', 'test/build\\.test\\.ts', 'test/e2e/sandbox-page\\.test\\.ts', 'test/reliability/load\\.test\\.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/under-mutation.ts'],
    },
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // A definition evaluated once at load (a label, a help text) would need the whole suite per
  // mutant; the definition's own tests (integration checks, Make parity) pin those down instead.
  ignoreStatic: true,
  // A type checker and a test runner, one per core.
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
