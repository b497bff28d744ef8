// `npm run test:adopt`: docs/adopt.md performed on a copy of test/fixtures/adopt-project outside
// this repository with the packed packages and the packed emulator command (npm installs from
// tarballs, better-sqlite3 built from source: minutes, so not in `npm test`); .ci/run runs it.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/adopt/**/*.test.ts'],
  // A page's `require('<package>')` resolves from miniprogram_npm, as in WeChat DevTools.
  moduleDirectories: ['node_modules', 'miniprogram_npm'],
  maxWorkers: 1,
  testTimeout: 60000,
};
