import { appendFileSync } from 'node:fs';
const { COVERAGE_BY_TEST_FILE } = require('./mutant-filter.cjs') as { COVERAGE_BY_TEST_FILE: string };

/**
 * Under Stryker one process runs every test file in turn, so its memory grows past the guard core
 * keeps for Zapier's Lambdas (over 450 MB after 250 runs), which would end the run midway.
 */
jest.mock('zapier-platform-core/src/tools/memory-checker', () => () => undefined);

type Hits = Record<string, number>;
type Coverage = { static: Hits; perTest: Record<string, Hits> };
const stryker = (globalThis as { __stryker__?: { mutantCoverage?: Coverage } }).__stryker__;

/** For each mutant this file reached: how many of its tests reached it (0 when only loading the file did). */
function testsReaching(now: Coverage, before: Coverage): Record<string, number> {
  const tests: Record<string, number> = {};
  for (const [mutant, count] of Object.entries(now.static)) if (count > (before.static[mutant] ?? 0)) tests[mutant] = 0;
  for (const [test, hits] of Object.entries(now.perTest)) {
    for (const [mutant, count] of Object.entries(hits)) if (count > (before.perTest[test]?.[mutant] ?? 0)) tests[mutant] = (tests[mutant] ?? 0) + 1;
  }
  return tests;
}

// In the first, instrumented run (no mutant active yet), note which mutants this test file
// reaches, so that a mutant's run loads only the files that can kill it (mutant-filter.cjs).
const coverage = stryker?.mutantCoverage;
if (coverage && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const before = structuredClone(coverage);
  afterAll(() => {
    const file = expect.getState().testPath;
    appendFileSync(COVERAGE_BY_TEST_FILE, `${JSON.stringify({ file, mutants: testsReaching(coverage, before) })}\n`);
  });
}
