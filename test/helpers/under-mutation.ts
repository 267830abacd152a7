/**
 * Under Stryker one process runs every test file in turn, so its memory grows past the guard core
 * keeps for Zapier's Lambdas (over 450 MB after 250 runs), which would end the run midway.
 */
jest.mock('zapier-platform-core/src/tools/memory-checker', () => () => undefined);
