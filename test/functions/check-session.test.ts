import type { CheckSessionResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips } from './support/users';

const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };

describe('checkSession', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('a valid session: one database read, nothing written', async () => {
    const { token, expiresAt } = await login(fx, alice);
    const { envelope, requestId } = await fx.callWithId<CheckSessionResponse>(
      'checkSession',
      { token },
      alice,
    );
    expect(dataOf(envelope)).toEqual({ valid: true, expiresAt });
    expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 1, writes: 0 });
  });

  test('withUser adds the public user (no openid or session data in it)', async () => {
    const { token } = await login(fx, alice);
    const data = dataOf(
      await fx.call<CheckSessionResponse>('checkSession', { token, withUser: true }, alice),
    );
    expect(data.user).toMatchObject({ nickName: '', gender: 0, loginCount: 2 });
    expect(Object.keys(data.user ?? {}).sort()).toEqual(
      [
        'avatarUrl',
        'city',
        'country',
        'createdAt',
        'gender',
        'language',
        'lastLoginAt',
        'loginCount',
        'nickName',
        'phone',
        'province',
        'roles',
        'updatedAt',
      ].sort(),
    );
  });

  test("user B presenting user A's token: SESSION_INVALID", async () => {
    const { token } = await login(fx, alice);
    await login(fx, bob);
    expect(errorOf(await fx.call('checkSession', { token }, bob))).toEqual({
      code: 'SESSION_INVALID',
      message: expect.any(String),
    });
  });

  test.each([
    ['an unknown token', 'a'.repeat(64)],
    ['a malformed token', 'not-a-token'],
    ['an upper-case token', 'A'.repeat(64)],
  ])('%s: SESSION_INVALID', async (_label, token) => {
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_INVALID');
  });

  test.each([
    ['no token', {}, 'token'],
    ['a numeric token', { token: 42 }, 'token'],
    ['withUser not a boolean', { token: 'a'.repeat(64), withUser: 'yes' }, 'withUser'],
  ])('%s: INVALID_ARGUMENT naming the field', async (_label, event, field) => {
    const error = errorOf(await fx.call('checkSession', event, alice));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.field).toBe(field);
  });

  test('no OPENID: UNAUTHENTICATED', async () => {
    const { token } = await login(fx, alice);
    expect(errorOf(await fx.callWithoutOpenid('checkSession', { token })).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
