// `npm run test:package`: the emulator as users get it: `npm pack`, installed from the tarball
// in an empty folder outside this repository (better-sqlite3 builds from source: minutes, so
// not in `npm test`); .ci/run runs it.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/package/**/*.test.ts'],
  maxWorkers: 1,
  testTimeout: 900000,
};
