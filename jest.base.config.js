// Shared jest settings. Type checking is done once by `npm run typecheck`, so tests are only
// transpiled, by SWC (native; a clean clone's cold run transpiles every file, and ts-jest's
// TypeScript-in-JavaScript transpile cost ~13 s of CPU there). SWC's jest transform hoists
// jest.mock() above imports as babel-jest does. Options mirror tsconfig.base.json: ES2022,
// CommonJS with esModuleInterop-style default imports.
// Emulators in tests run functions on the exact Node their runtime names (Nodejs18.15 ->
// v18.15.0), all from one cache: WX_EMULATOR_RUNTIME_CACHE when set, else the per-user cache
// `npm start` uses too, so a developer downloads each build once. globalSetup fills it first.

module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/runtime-cache.ts',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],

  testTimeout: 30000,
  // Servers and instance processes are started per suite; keep suites from starving each other.
  maxWorkers: 2,
};
