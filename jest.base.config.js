// Shared jest settings. Type checking is done once by `npm run typecheck`,
// so ts-jest only transpiles here (much faster on a 2-core machine).
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // Servers and instance processes are started per suite; keep suites from starving each other.
  maxWorkers: 2,
};
