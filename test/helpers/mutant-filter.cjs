/**
 * Jest's `filter` under Stryker: a mutant's run loads only the test files that reached the
 * mutant in the first run. Stryker already runs only the tests that cover a mutant, but Jest
 * loads every related file to find them: 37 files and 25 s for a mutant of src/http.
 * Before any mutant is active, and whenever the first run's record is missing, every file runs.
 * MUTANT_TEST_FILES=n keeps only the n files that aim at the mutant most: many of their tests reach
 * it, and few other mutants (a file of unit tests before a whole journey). A quicker run whose
 * "killed" still holds and whose survivors may not (run those again without it).
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const COVERAGE_BY_TEST_FILE = join(process.cwd(), '.coverage-by-test-file.jsonl');

let filesByMutant;

/** mutant → (test file → how closely the file aims at it: its tests reaching it, over all the mutants it reaches) */
function readRecord() {
  const byMutant = new Map();
  for (const line of readFileSync(COVERAGE_BY_TEST_FILE, 'utf8').split('\n')) {
    if (line === '') continue;
    const { file, mutants } = JSON.parse(line);
    const reached = Object.keys(mutants).length;
    for (const [mutant, tests] of Object.entries(mutants)) byMutant.set(mutant, (byMutant.get(mutant) ?? new Map()).set(file, tests / reached));
  }
  return byMutant;
}

module.exports = async function filter(testPaths) {
  const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
  if (mutant === undefined || !existsSync(COVERAGE_BY_TEST_FILE)) return { filtered: testPaths };
  filesByMutant ??= readRecord();
  const limit = Number(process.env.MUTANT_TEST_FILES) || Infinity;
  const reaching = [...(filesByMutant.get(mutant) ?? [])].sort(([, a], [, b]) => b - a).slice(0, limit);
  const files = new Set(reaching.map(([file]) => file));
  return { filtered: testPaths.filter((path) => files.has(path)) };
};
module.exports.COVERAGE_BY_TEST_FILE = COVERAGE_BY_TEST_FILE;
