/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.check.json', diagnostics: { ignoreCodes: ['TS151001'] } }
    ]
  },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `npm test` collects coverage of the source run in-process (the bundle runs in child processes,
  // which it does not see) and fails below these floors.
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { lines: 90, statements: 90, branches: 85, functions: 80 } },
  testTimeout: 30000
}
