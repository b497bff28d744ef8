// Unit, conformance and integration suites that `npm test` runs.
// End-to-end (browser) and reliability suites have their own configs so they can be run alone.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/{contract,emulator,functions,miniprogram}/**/*.test.ts'],
  // Also rebuilds the mini program package when its sources changed (fresh-miniprogram-npm.ts).
  globalSetup: '<rootDir>/test/support/npm-test-setup.ts',
  // This repository's mini program package by name resolves as DevTools resolves it after
  // 构建 npm (npm run build): miniprogram/miniprogram_npm, so the app's pages, the package's
  // components and the tests share one built copy (one session manager). Unit tests of the
  // package import client/src by path.
  // Not in the base config: the package and adoption tests resolve the copy they installed.
  moduleNameMapper: {
    '^wx-cloud-login-miniprogram(/.*)?$':
      '<rootDir>/miniprogram/miniprogram_npm/wx-cloud-login-miniprogram$1',
  },
};
