/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 30000,
  // The lost-answer tests wait out real deadlines side by side.
  maxConcurrency: 10,
  // Core and nock patch node:http for the whole process; a fresh worker for every test file
  // keeps one file's patches out of the next.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1MB',
};
