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

/** How often each mutant has been reached so far, in tests and outside them. */
function reached(coverage: Coverage): Map<string, number> {
  const total = new Map<string, number>();
  for (const hits of [coverage.static, ...Object.values(coverage.perTest)]) {
    for (const [mutant, count] of Object.entries(hits)) total.set(mutant, (total.get(mutant) ?? 0) + count);
  }
  return total;
}

// In the first, instrumented run (no mutant active yet), note which mutants this test file
// reaches, so that a mutant's run loads only the files that can kill it (mutant-filter.cjs).
const coverage = stryker?.mutantCoverage;
if (coverage && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const before = reached(coverage);
  afterAll(() => {
    const mutants = [...reached(coverage)].filter(([mutant, count]) => count > (before.get(mutant) ?? 0)).map(([mutant]) => mutant);
    const file = expect.getState().testPath;
    appendFileSync(COVERAGE_BY_TEST_FILE, `${JSON.stringify({ file, mutants })}\n`);
  });
}
