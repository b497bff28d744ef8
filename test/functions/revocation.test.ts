import type { LoginResponse, LogoutResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips } from './support/users';

const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };

async function isValid(fx: FunctionsHarness, token: string, caller = alice): Promise<boolean> {
  const envelope = await fx.call('checkSession', { token }, caller);
  if (envelope.ok) return true;
  expect(envelope.error.code).toBe('SESSION_INVALID');
  return false;
}

describe('logout and the session cap (MAX_SESSIONS_PER_USER=3)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ MAX_SESSIONS_PER_USER: '3' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('logout current ends only that session, and is idempotent', async () => {
    const phone = await login(fx, alice);
    const laptop = await login(fx, alice);
    const first = await fx.callWithId<LogoutResponse>(
      'logout',
      { token: phone.token, scope: 'current' },
      alice,
    );
    expect(dataOf(first.envelope)).toEqual({ revoked: 1 });
    expect(roundTrips(fx.dbCalls(first.requestId))).toEqual({ reads: 0, writes: 2 });
    expect(await isValid(fx, phone.token)).toBe(false);
    expect(await isValid(fx, laptop.token)).toBe(true);
    const again = await fx.call<LogoutResponse>(
      'logout',
      { token: phone.token, scope: 'current' },
      alice,
    );
    expect(dataOf(again)).toEqual({ revoked: 0 });
  });

  test("another user's token revokes nothing", async () => {
    const bobs = await login(fx, bob);
    const reply = await fx.call<LogoutResponse>(
      'logout',
      { token: bobs.token, scope: 'current' },
      alice,
    );
    expect(dataOf(reply)).toEqual({ revoked: 0 });
    expect(await isValid(fx, bobs.token, bob)).toBe(true);
  });

  test('logout all ends every session of the caller and no one else’s', async () => {
    const bobs = await login(fx, bob);
    const tokens = [(await login(fx, alice)).token, (await login(fx, alice)).token];
    const reply = await fx.call<LogoutResponse>(
      'logout',
      { token: tokens[0], scope: 'all' },
      alice,
    );
    expect(dataOf(reply).revoked).toBeGreaterThanOrEqual(2);
    for (const token of tokens) expect(await isValid(fx, token)).toBe(false);
    expect(await isValid(fx, bobs.token, bob)).toBe(true);
    const again = await fx.call<LogoutResponse>(
      'logout',
      { token: tokens[0], scope: 'all' },
      alice,
    );
    expect(dataOf(again)).toEqual({ revoked: 0 });
  });

  test('the cap revokes the oldest sessions first', async () => {
    const erin = { openid: 'o-erin' };
    const tokens: string[] = [];
    for (let i = 0; i < 4; i += 1) tokens.push((await login(fx, erin)).token);
    // The fifth login is over the cap: read; then update + insert; then the write revoking the
    // oldest (only once the update that removed them from the map has landed, see
    // login-settle.ts) alongside the re-read of the user and account. Injected latency makes
    // parallel calls overlap, so the emulator can tell rounds apart.
    fx.emulator.database.setFaults({ latencyMs: 100, faultRate: 0 });
    const fifth = await fx
      .callWithId<LoginResponse>('login', {}, erin)
      .finally(() => fx.emulator.database.setFaults({ latencyMs: 0, faultRate: 0 }));
    tokens.push(dataOf(fifth.envelope).token);
    expect(roundTrips(fx.dbCalls(fifth.requestId))).toEqual({ reads: 2, writes: 3 });
    expect(fx.dbRounds(fifth.requestId)).toBe(3);
    const valid = [];
    for (const token of tokens) valid.push(await isValid(fx, token, erin));
    expect(valid).toEqual([false, false, true, true, true]);
    const revoked = await fx.documents('sessions', { openid: 'o-erin', revokedReason: 'cap' });
    expect(revoked).toHaveLength(2);
  });

  test.each([
    ['no token', { scope: 'current' }, 'token'],
    ['no scope', { token: 'a'.repeat(64) }, 'scope'],
    ['an unknown scope', { token: 'a'.repeat(64), scope: 'everywhere' }, 'scope'],
  ])('%s: INVALID_ARGUMENT naming the field', async (_label, event, field) => {
    const error = errorOf(await fx.call('logout', event, alice));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
  });

  test('no OPENID: UNAUTHENTICATED', async () => {
    const reply = await fx.callWithoutOpenid('logout', { token: 'a'.repeat(64), scope: 'all' });
    expect(errorOf(reply).code).toBe('UNAUTHENTICATED');
  });
});

describe('SESSION_POLICY=single', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_POLICY: 'single' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('a login revokes the user’s other sessions, not other users’', async () => {
    const bobs = await login(fx, bob);
    const first = await login(fx, alice);
    const second = await login(fx, alice);
    expect(await isValid(fx, first.token)).toBe(false);
    expect(await isValid(fx, second.token)).toBe(true);
    expect(await isValid(fx, bobs.token, bob)).toBe(true);
    const third = await login(fx, alice);
    expect(await isValid(fx, second.token)).toBe(false);
    expect(await isValid(fx, third.token)).toBe(true);
  });
});
