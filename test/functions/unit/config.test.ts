import { CONFIG_VARIABLES, LIST_VARIABLES, readConfig } from '../../../server/src/config';
import { rcEnvVariables } from '../../support/cloudbaserc';

describe('readConfig', () => {
  test("cloudbaserc.json's values: 7-day sessions renewed in their last day, 10 per user, 7-day cleanup, 5 phone exchanges a day", () => {
    expect(readConfig(rcEnvVariables)).toEqual({
      sessionTtlMs: 604_800_000,
      renewThresholdMs: 86_400_000,
      maxSessionsPerUser: 10,
      sessionPolicy: 'multi',
      cleanupAfterMs: 604_800_000,
      usersCollection: 'users',
      sessionsCollection: 'sessions',
      phonesCollection: 'phones',
      phoneBindMaxPerDay: 5,
      sessionMaxLifetimeMs: 30 * 86_400_000,
      accountDataCollections: [],
      adminOpenids: [],
      auditCollection: 'audit_log',
      auditRetentionMs: 180 * 86_400_000,
    });
  });

  test('cloudbaserc.json sets every variable, and nothing the code does not read', () => {
    expect(Object.keys(rcEnvVariables).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  test('lists: comma-separated, blanks dropped; a bad collection name fails loudly', () => {
    const config = readConfig({
      ...rcEnvVariables,
      ACCOUNT_DATA_COLLECTIONS: 'notes, photos ,',
      ADMIN_OPENIDS: ' o-admin ,o-two',
    });
    expect(config.accountDataCollections).toEqual(['notes', 'photos']);
    expect(config.adminOpenids).toEqual(['o-admin', 'o-two']);
    expect(() =>
      readConfig({ ...rcEnvVariables, ACCOUNT_DATA_COLLECTIONS: 'ok,bad name' }),
    ).toThrow('ACCOUNT_DATA_COLLECTIONS');
  });

  test('values from the environment', () => {
    const config = readConfig({
      ...rcEnvVariables,
      SESSION_TTL_SECONDS: '3600',
      SESSION_RENEW_THRESHOLD_SECONDS: '0',
      MAX_SESSIONS_PER_USER: '1',
      SESSION_POLICY: 'single',
      SESSION_CLEANUP_AFTER_DAYS: '2',
      USERS_COLLECTION: 'app_users',
      SESSIONS_COLLECTION: 'app_sessions',
      PHONES_COLLECTION: 'app_phones',
      PHONE_BIND_MAX_PER_DAY: '0',
    });
    expect(config).toMatchObject({
      sessionTtlMs: 3_600_000,
      renewThresholdMs: 0,
      maxSessionsPerUser: 1,
      sessionPolicy: 'single',
      cleanupAfterMs: 172_800_000,
      usersCollection: 'app_users',
      sessionsCollection: 'app_sessions',
      phonesCollection: 'app_phones',
      phoneBindMaxPerDay: 0,
    });
  });

  // Outside a build nothing is baked in (the bundles' fallback: test/functions/built-in-config).
  test.each(CONFIG_VARIABLES)('%s unset or blank fails loudly, saying where to set it', (name) => {
    expect(() => readConfig({ ...rcEnvVariables, [name]: undefined })).toThrow(
      `missing environment variable ${name}: set it in cloudbaserc.json`,
    );
    if (LIST_VARIABLES.includes(name)) {
      // Blank is a valid list (nothing listed).
      expect(readConfig({ ...rcEnvVariables, [name]: ' ' })).toBeDefined();
    } else {
      expect(() => readConfig({ ...rcEnvVariables, [name]: ' ' })).toThrow(name);
    }
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
    ['PHONES_COLLECTION', 'phones/x'],
    ['PHONE_BIND_MAX_PER_DAY', '-1'],
    ['PHONE_BIND_MAX_PER_DAY', '1.5'],
    ['SESSION_MAX_LIFETIME_DAYS', '0'],
    ['AUDIT_COLLECTION', 'audit log'],
    ['AUDIT_RETENTION_DAYS', '-3'],
  ])('%s=%s fails loudly, naming the variable', (name, value) => {
    expect(() => readConfig({ ...rcEnvVariables, [name]: value })).toThrow(
      `invalid environment variable ${name}`,
    );
  });
});
