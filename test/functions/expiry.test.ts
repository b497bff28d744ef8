import type { CheckSessionResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips } from './support/users';

const alice = { openid: 'o-alice' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The deployed settings (cloudbaserc.json: TTL 7 days, renewal inside the last day), on the
 * emulator's clock: each test moves time instead of waiting for it.
 */
describe('expiry and sliding renewal (SESSION_TTL_SECONDS=604800, SESSION_RENEW_THRESHOLD_SECONDS=86400)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });
  beforeEach(() => {
    fx.emulator.clock.setOffset(0);
  });

  test('expiresAt is the emulated now plus SESSION_TTL_SECONDS', async () => {
    fx.emulator.clock.setOffset(40 * DAY);
    const before = fx.emulator.clock.now();
    const { expiresAt } = await login(fx, alice);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(fx.emulator.clock.now() + 7 * DAY);
  });

  test('renewed when less than the threshold is left (1 read + 2 writes), not before', async () => {
    const { token, expiresAt } = await login(fx, alice);
    // 2 hours outside the renewal window: read only, nothing renewed.
    fx.emulator.clock.advance(6 * DAY - 2 * HOUR);
    const early = await fx.callWithId<CheckSessionResponse>('checkSession', { token }, alice);
    expect(dataOf(early.envelope).expiresAt).toBe(expiresAt);
    expect(roundTrips(fx.dbCalls(early.requestId))).toEqual({ reads: 1, writes: 0 });

    // Now 2 hours inside it: extended by a full TTL from the (emulated) now.
    fx.emulator.clock.advance(4 * HOUR);
    const now = fx.emulator.clock.now();
    const late = await fx.callWithId<CheckSessionResponse>('checkSession', { token }, alice);
    const renewed = dataOf(late.envelope).expiresAt;
    expect(renewed).toBeGreaterThanOrEqual(now + 7 * DAY);
    expect(renewed).toBeGreaterThan(expiresAt + 6 * DAY);
    expect(roundTrips(fx.dbCalls(late.requestId))).toEqual({ reads: 1, writes: 2 });
    const [stored] = await fx.documents<{ expiresAt: number }>('sessions', {
      expiresAt: renewed,
    });
    expect(stored).toBeDefined();

    // The renewed session outlives the first expiry.
    fx.emulator.clock.advance(2 * DAY);
    expect(dataOf(await fx.call<CheckSessionResponse>('checkSession', { token }, alice))).toEqual(
      expect.objectContaining({ expiresAt: renewed }),
    );
  });

  test('one second before expiresAt it still works; one second after: SESSION_EXPIRED everywhere', async () => {
    const { token, expiresAt } = await login(fx, alice);
    // Renewal off the table for this check: move to just before expiry and read once.
    fx.emulator.clock.setOffset(expiresAt - 1000 - Date.now());
    const alive = await fx.call<CheckSessionResponse>('checkSession', { token }, alice);
    const renewed = dataOf(alive).expiresAt;
    expect(renewed).toBeGreaterThan(expiresAt);

    fx.emulator.clock.setOffset(renewed + 1000 - Date.now());
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_EXPIRED');
    const update = await fx.call('updateUserInfo', { token, profile: { nickName: 'x' } }, alice);
    expect(errorOf(update).code).toBe('SESSION_EXPIRED');
    expect(errorOf(await fx.call('whoami', { token }, alice)).code).toBe('SESSION_EXPIRED');
    // An expired session has already ended: logging it out revokes nothing.
    const logout = await fx.call('logout', { token, scope: 'current' }, alice);
    expect(dataOf(logout)).toEqual({ revoked: 0 });
  });

  test('with the clock frozen: at expiresAt - 1 ms valid, at exactly expiresAt SESSION_EXPIRED (expiry is not > now)', async () => {
    // Frozen, so the function reads exactly the millisecond the test set (a running clock
    // moves on by an unknown amount before the function's Date.now()).
    fx.emulator.clock.freeze(Date.now() + 3 * DAY);
    const { token, expiresAt } = await login(fx, alice);
    expect(expiresAt).toBe(fx.emulator.clock.now() + 7 * DAY);
    fx.emulator.clock.freeze(expiresAt - 1);
    expect(
      dataOf(await fx.call<CheckSessionResponse>('checkSession', { token }, alice)),
    ).toMatchObject({ valid: true });
    // That check renewed the session (inside the last day): log in again for an unrenewed one.
    const fresh = await login(fx, alice);
    fx.emulator.clock.freeze(fresh.expiresAt);
    expect(errorOf(await fx.call('checkSession', { token: fresh.token }, alice)).code).toBe(
      'SESSION_EXPIRED',
    );
  });

  test('a session not checked for its whole TTL expires (no renewal without a check)', async () => {
    const { token } = await login(fx, alice);
    fx.emulator.clock.advance(7 * DAY + 1000);
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_EXPIRED');
  });
});
