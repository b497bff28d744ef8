import { CONFIG_DEFAULTS, readConfig } from '../../../server/src/config';

describe('readConfig', () => {
  test('defaults: 7-day sessions renewed in their last day, 10 per user, 7-day cleanup', () => {
    expect(readConfig({})).toEqual({
      sessionTtlMs: 7 * 86_400_000,
      renewThresholdMs: 86_400_000,
      maxSessionsPerUser: 10,
      sessionPolicy: 'multi',
      cleanupAfterMs: 7 * 86_400_000,
      usersCollection: 'users',
      sessionsCollection: 'sessions',
    });
  });

  test('values from the environment; blank means default', () => {
    const config = readConfig({
      SESSION_TTL_SECONDS: '3600',
      SESSION_RENEW_THRESHOLD_SECONDS: '0',
      MAX_SESSIONS_PER_USER: '1',
      SESSION_POLICY: 'single',
      SESSION_CLEANUP_AFTER_DAYS: ' ',
      USERS_COLLECTION: 'app_users',
    });
    expect(config).toMatchObject({
      sessionTtlMs: 3_600_000,
      renewThresholdMs: 0,
      maxSessionsPerUser: 1,
      sessionPolicy: 'single',
      cleanupAfterMs: Number(CONFIG_DEFAULTS.SESSION_CLEANUP_AFTER_DAYS) * 86_400_000,
      usersCollection: 'app_users',
    });
  });

  test.each([
    ['SESSION_TTL_SECONDS', '0'],
    ['SESSION_TTL_SECONDS', 'a week'],
    ['SESSION_RENEW_THRESHOLD_SECONDS', '-1'],
    ['MAX_SESSIONS_PER_USER', '0'],
    ['MAX_SESSIONS_PER_USER', '2.5'],
    ['SESSION_POLICY', 'one'],
    ['SESSION_CLEANUP_AFTER_DAYS', 'NaN'],
    ['USERS_COLLECTION', 'users.$x'],
    ['SESSIONS_COLLECTION', '1sessions'],
  ])('%s=%s fails loudly, naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(name);
  });
});
