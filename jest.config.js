// Unit, conformance and integration suites that `npm test` runs.
// End-to-end (browser) and reliability suites have their own configs so they can be run alone.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/{contract,emulator,functions,miniprogram}/**/*.test.ts'],
};
