// Shared jest settings. Type checking is done once by `npm run typecheck`,
// so ts-jest only transpiles here (much faster on a 2-core machine).
// Emulators in tests run functions on the exact Node their runtime names (Nodejs18.15 ->
// v18.15.0), all from one cache: WX_EMULATOR_RUNTIME_CACHE when set, else the per-user cache
// `npm start` uses too, so a developer downloads each build once. globalSetup fills it first.

module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/runtime-cache.ts',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],

  testTimeout: 30000,
  // Servers and instance processes are started per suite; keep suites from starving each other.
  maxWorkers: 2,
};
