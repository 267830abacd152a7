/**
 * Mutation testing (`npm run mutate`): every mutant of src/ is run against the tests that cover
 * it. Left out for time: the zip build, the browser page, the 500-create load test and the
 * lost-answer tests over real sockets and the bare-process runs of the compiled dist/, none of
 * which reaches a line the other tests do not
 * (test/step-deadline.test.ts runs the step's deadline in a second).
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
      testPathIgnorePatterns: [
        '/node_modules/',
        'test/build\\.test\\.ts',
        'test/e2e/sandbox-page\\.test\\.ts',
        'test/reliability/load\\.test\\.ts',
        // Waits out the step's real 19-25 s deadlines: minutes for every mutant of the HTTP layer.
        'test/e2e/lost-answers\\.test\\.ts',
        // Run the compiled dist/ in child processes, which a mutant of src/ never reaches: the
        // parity test would see every mutant of a shared rule as a Make/Zapier difference.
        'test/e2e/bare-process\\.test\\.ts',
        'test/make/parity\\.properties\\.test\\.ts',
        'test/make/render\\.test\\.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/under-mutation.ts'],
      // A mutant that leaves a promise pending fails its test here instead of waiting out
      // Stryker's timeout, which also costs a fresh runner; the slowest test left in takes 2 s.
      testTimeout: 8000,
      // A mutant's run loads only the test files that reached it in the first run.
      filter: '<rootDir>/test/helpers/mutant-filter.cjs',
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
  timeoutMS: 10000,
  // Jest in one process grows by every test file it loads; a fresh runner now and then keeps
  // it clear of the heap limit, where it would crawl and then be restarted anyway.
  maxTestRunnerReuse: 5,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
