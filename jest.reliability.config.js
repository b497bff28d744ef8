// `npm run test:reliability`: load, fuzzing, fault injection and kill -9 durability against a
// real emulator. Run alone (not in `npm test`) because it is heavier; .ci/run runs it after.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
  // Suites start emulators and instance processes; one at a time keeps 2 cores from thrashing
  // and keeps the printed figures readable.
  maxWorkers: 1,
  testTimeout: 120000,
};
