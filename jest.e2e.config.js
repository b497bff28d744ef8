// `npm run test:e2e`: the web console in a real Chromium (Debian's /usr/bin/chromium driven by
// playwright-core) against a real emulator. Needs `npm run build` first (the script does it).
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  // One browser at a time: the machine has two cores and the emulator spawns function processes.
  maxWorkers: 1,
  testTimeout: 120000,
};
