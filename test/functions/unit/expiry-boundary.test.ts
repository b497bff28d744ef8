/**
 * A token at exactly its expiry is expired (issue 21 item 9), checked on `authenticate` itself
 * with the one database read it makes answered in memory. The same boundary through the real
 * checkSession on the emulator, with its clock frozen: test/functions/expiry.test.ts.
 */
import { readConfig } from '../../../server/src/config';
import type { Database } from '../../../server/src/db/types';
import type { Invocation } from '../../../server/src/entry';
import { authenticate } from '../../../server/src/guard';
import { newToken, hashToken } from '../../../server/src/token';

const NOW = 1_800_000_000_000;
const config = readConfig({
  SESSION_TTL_SECONDS: '604800',
  SESSION_RENEW_THRESHOLD_SECONDS: '0',
  MAX_SESSIONS_PER_USER: '10',
  SESSION_POLICY: 'multi',
  SESSION_CLEANUP_AFTER_DAYS: '7',
  USERS_COLLECTION: 'users',
  SESSIONS_COLLECTION: 'sessions',
  PHONES_COLLECTION: 'phones',
  PHONE_BIND_MAX_PER_DAY: '5',
  SESSION_MAX_LIFETIME_DAYS: '30',
  ACCOUNT_DATA_COLLECTIONS: '',
  ADMIN_OPENIDS: '',
  AUDIT_COLLECTION: 'audit_log',
  AUDIT_RETENTION_DAYS: '180',
});

function invocationWithSession(token: string, expiresAt: number): Invocation {
  const session = {
    _id: hashToken(token),
    openid: 'o-edge',
    createdAt: NOW - 1000,
    expiresAt,
    revokedAt: null,
  };
  const get = async () => ({ data: [session] });
  const db = {
    collection: () => ({ where: () => ({ limit: () => ({ get }) }) }),
  } as unknown as Database;
  return {
    identity: { openid: 'o-edge' },
    caller: { source: ['wx_client'], crossAccount: false, openid: 'o-edge', env: 'e' },
    config,
    db,
    requestId: 'r',
    now: NOW,
  };
}

test.each([
  ['one millisecond before', NOW + 1, 'ok'],
  ['exactly at', NOW, 'SESSION_EXPIRED'],
  ['one millisecond after', NOW - 1, 'SESSION_EXPIRED'],
])('a token %s its expiry', async (_name, expiresAt, expected) => {
  const token = newToken();
  const outcome = await authenticate(invocationWithSession(token, expiresAt), token, false).then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );
  expect(outcome).toBe(expected);
});
