import type { CheckSessionResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips, sleep } from './support/users';

const alice = { openid: 'o-alice' };

/**
 * TTL 10 s, renewal when less than 5 s is left: set through envVariables like production. The
 * margins are whole seconds so a busy 2-core CI machine does not turn timing into flakiness.
 */
describe('expiry and sliding renewal (SESSION_TTL_SECONDS=10, SESSION_RENEW_THRESHOLD_SECONDS=5)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_TTL_SECONDS: '10', SESSION_RENEW_THRESHOLD_SECONDS: '5' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('expiresAt comes from SESSION_TTL_SECONDS', async () => {
    const before = Date.now();
    const { expiresAt } = await login(fx, alice);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 10000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 10000);
  });

  test('renewed when less than the threshold is left (1 read + 2 writes), not before', async () => {
    const { token, expiresAt } = await login(fx, alice);
    const early = await fx.callWithId<CheckSessionResponse>('checkSession', { token }, alice);
    expect(dataOf(early.envelope).expiresAt).toBe(expiresAt);
    expect(roundTrips(fx.dbCalls(early.requestId))).toEqual({ reads: 1, writes: 0 });

    await sleep(expiresAt - Date.now() - 3000); // about 3 s left: inside the renewal window
    const late = await fx.callWithId<CheckSessionResponse>('checkSession', { token }, alice);
    const renewed = dataOf(late.envelope).expiresAt;
    expect(renewed).toBeGreaterThan(expiresAt + 2000);
    expect(roundTrips(fx.dbCalls(late.requestId))).toEqual({ reads: 1, writes: 2 });
    const [stored] = await fx.documents<{ expiresAt: number }>('sessions', {
      expiresAt: renewed,
    });
    expect(stored).toBeDefined();
  }, 40_000);

  test('past expiresAt: SESSION_EXPIRED (and updateUserInfo/whoami get the same error)', async () => {
    const { token, expiresAt } = await login(fx, alice);
    await sleep(expiresAt - Date.now() + 100);
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_EXPIRED');
    const update = await fx.call('updateUserInfo', { token, profile: { nickName: 'x' } }, alice);
    expect(errorOf(update).code).toBe('SESSION_EXPIRED');
    expect(errorOf(await fx.call('whoami', { token }, alice)).code).toBe('SESSION_EXPIRED');
    // An expired session has already ended: logging it out revokes nothing.
    const logout = await fx.call('logout', { token, scope: 'current' }, alice);
    expect(dataOf(logout)).toEqual({ revoked: 0 });
  }, 40_000);
});
