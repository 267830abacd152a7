/**
 * fast-check's run count and seed. Under mutation testing (`npm run mutate`) every mutant must
 * meet the same inputs, so PROPERTY_SEED fixes them, and PROPERTY_RUNS makes them fewer.
 */
export function generatedRuns(runs: number): { numRuns: number; seed?: number } {
  const { PROPERTY_RUNS, PROPERTY_SEED } = process.env;
  return { numRuns: PROPERTY_RUNS === undefined ? runs : Number(PROPERTY_RUNS), ...(PROPERTY_SEED === undefined ? {} : { seed: Number(PROPERTY_SEED) }) };
}
