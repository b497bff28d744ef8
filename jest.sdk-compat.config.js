// `npm run test:sdk-compat`: the probe function on every wx-server-sdk version real projects
// pin, and the packed wx-cloud-login-server on every minor line it supports, against the
// emulator. Outside `npm test` (the first run installs thirteen SDKs into the cache).
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/sdk-compat/**/*.test.ts'],
  globalSetup: '<rootDir>/test/sdk-compat/setup.ts',
  maxWorkers: 1,
  testTimeout: 60000,
};
