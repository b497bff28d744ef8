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
  // The mini program package by name resolves as in DevTools after 构建 npm (npm run build):
  // miniprogram/miniprogram_npm, so the app's pages, the package's components and the tests share
  // one built copy (one session manager). Unit tests of the package import client/src by path.
  moduleNameMapper: {
    '^wx-cloud-login-miniprogram(/.*)?$':
      '<rootDir>/miniprogram/miniprogram_npm/wx-cloud-login-miniprogram$1',
  },
  testTimeout: 30000,
  // Servers and instance processes are started per suite; keep suites from starving each other.
  maxWorkers: 2,
};
