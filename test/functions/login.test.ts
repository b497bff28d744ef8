import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import { TOKEN_PATTERN } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { createHash } from 'node:crypto';
import { roundTrips } from './support/users';

const alice = { openid: 'o-alice', appid: 'wx-app-1', unionid: 'u-alice' };

describe('login', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('first login on a fresh environment creates the collections, the user and a session', async () => {
    const { envelope, requestId } = await fx.callWithId<LoginResponse>(
      'login',
      { client: { platform: 'ios', model: 'iPhone 15', version: '8.0.50' } },
      alice,
    );
    const data = dataOf(envelope);
    expect(data.token).toMatch(TOKEN_PATTERN);
    expect(data.isNewUser).toBe(true);
    expect(data.user.loginCount).toBe(1);
    expect(data.expiresAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(requestId).not.toBe('');
    // users was missing: it and the other collections of the deployment (sessions, audit,
    // phones) were created at once, in parallel, and the read retried.
    expect(fx.dbCalls(requestId)['database.addCollection']).toBe(4);

    const users = await fx.documents('users');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      _id: 'o-alice',
      _openid: 'o-alice',
      appid: 'wx-app-1',
      unionid: 'u-alice',
      loginCount: 1,
    });
    const sessions = await fx.documents('sessions');
    expect(sessions).toHaveLength(1);
    const hash = createHash('sha256').update(data.token).digest('hex');
    expect(sessions[0]).toMatchObject({ _id: hash, openid: 'o-alice', revokedAt: null });
    expect(sessions[0]!.client).toEqual({ platform: 'ios', model: 'iPhone 15', version: '8.0.50' });
    // The token itself is stored nowhere.
    expect(JSON.stringify([users, sessions])).not.toContain(data.token);
  });

  test('a returning login increments loginCount and answers a session checkSession accepts', async () => {
    const { envelope, requestId } = await fx.callWithId<LoginResponse>('login', {}, alice);
    const data = dataOf(envelope);
    expect(data.isNewUser).toBe(false);
    expect(data.user.loginCount).toBe(2);
    // Read the user; then update it and insert the session (in parallel); then the status
    // again (a ban may have landed meanwhile).
    expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 2, writes: 2 });
    const check = dataOf(
      await fx.call<CheckSessionResponse>('checkSession', { token: data.token }, alice),
    );
    expect(check).toEqual({ valid: true, expiresAt: data.expiresAt });
  });

  test('a new user on an existing environment: 2 reads + 3 writes (user, session, audit)', async () => {
    const { envelope, requestId } = await fx.callWithId<LoginResponse>(
      'login',
      {},
      {
        openid: 'o-frank',
      },
    );
    expect(dataOf(envelope).isNewUser).toBe(true);
    expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 2, writes: 3 });
  });

  test('client info is optional and sanitised; junk never fails a login', async () => {
    const data = dataOf(
      await fx.call<LoginResponse>(
        'login',
        { client: { platform: 'devtools\u0007', model: 42, version: 'v'.repeat(500), x: 'y' } },
        { openid: 'o-grace' },
      ),
    );
    const hash = createHash('sha256').update(data.token).digest('hex');
    const [session] = await fx.documents<{ client?: unknown }>('sessions', { _id: hash });
    expect(session?.client).toEqual({ platform: 'devtools', version: 'v'.repeat(64) });
    expect(
      dataOf(await fx.call<LoginResponse>('login', { client: 'ios' }, { openid: 'o-grace' })),
    ).toMatchObject({ isNewUser: false });
  });

  test('identity in the event is ignored', async () => {
    const data = dataOf(
      await fx.call<LoginResponse>(
        'login',
        { openid: 'o-mallory', _openid: 'o-mallory', userInfo: { openId: 'o-mallory' } },
        { openid: 'o-bob' },
      ),
    );
    expect(data.isNewUser).toBe(true);
    expect(data.user.loginCount).toBe(1);
    expect(await fx.documents('users', { _id: 'o-mallory' })).toHaveLength(0);
    expect(await fx.documents('users', { _id: 'o-bob' })).toHaveLength(1);
  });

  test('no OPENID in the context: UNAUTHENTICATED', async () => {
    expect(errorOf(await fx.callWithoutOpenid('login', {})).code).toBe('UNAUTHENTICATED');
  });
});
