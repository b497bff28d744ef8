// `npm run test:login-packages`: the login's packages as teams get them: `npm pack`, installed
// from the tarballs outside this repository (npm installs: too slow for `npm test`); .ci/run
// runs it.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/login-packages/**/*.test.ts'],
  maxWorkers: 1,
  testTimeout: 300000,
};
