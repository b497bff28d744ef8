import type { InvocationEvent } from '../../emulator/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, sleep } from './support/users';

const alice = { openid: 'o-alice' };

describe('cleanupSessions (SESSION_CLEANUP_AFTER_DAYS=0, TTL 3 s)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({
      SESSION_CLEANUP_AFTER_DAYS: '0',
      SESSION_TTL_SECONDS: '3',
      SESSION_RENEW_THRESHOLD_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('on a fresh environment it deletes nothing and creates the collection', async () => {
    expect(dataOf(await fx.callWithoutOpenid('cleanupSessions', {}))).toMatchObject({ deleted: 0 });
  });

  test('run by the trigger (no OPENID): deletes expired and revoked sessions, keeps open ones', async () => {
    const expired = await login(fx, alice);
    const revoked = await login(fx, alice);
    await fx.call('logout', { token: revoked.token, scope: 'current' }, alice);
    await sleep(expired.expiresAt - Date.now() + 50);
    const open = await login(fx, alice);
    const result = dataOf(await fx.callWithoutOpenid<{ deleted: number }>('cleanupSessions', {}));
    expect(result.deleted).toBe(2);
    const left = await fx.documents<{ expiresAt: number }>('sessions');
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt).toBe(open.expiresAt);
  }, 30_000);
});

describe('cleanupSessions with the default 7 days', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('keeps a session revoked just now (not yet 7 days ago)', async () => {
    const { token } = await login(fx, alice);
    await fx.call('logout', { token, scope: 'current' }, alice);
    const result = dataOf(
      await fx.callWithoutOpenid<{ deleted: number; cutoff: number }>('cleanupSessions', {}),
    );
    expect(result.deleted).toBe(0);
    expect(result.cutoff).toBeLessThanOrEqual(Date.now() - 7 * 86_400_000);
    expect(await fx.documents('sessions', { revokedReason: 'logout' })).toHaveLength(1);
  });
});

describe('withSession: the whoami example', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('an app function behind the guard gets the user and the session', async () => {
    const { token, expiresAt } = await login(fx, alice);
    await fx.call('updateUserInfo', { token, profile: { nickName: '阿丽' } }, alice);
    const reply = await fx.call('whoami', { token, greeting: 'Hi' }, alice);
    expect(dataOf(reply)).toEqual({ greeting: 'Hi, 阿丽', expiresAt });
  });

  test('and the same errors as the built-in functions', async () => {
    const { token } = await login(fx, alice);
    expect(errorOf(await fx.call('whoami', { token }, { openid: 'o-eve' })).code).toBe(
      'SESSION_INVALID',
    );
    expect(errorOf(await fx.call('whoami', {}, alice)).details).toEqual({
      field: 'token',
      reason: 'missing',
    });
    expect(errorOf(await fx.call('whoami', { token, greeting: 1 }, alice)).details?.field).toBe(
      'greeting',
    );
    expect(errorOf(await fx.callWithoutOpenid('whoami', { token })).code).toBe('UNAUTHENTICATED');
  });
});

describe('INTERNAL: an unexpected failure', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_TTL_SECONDS: 'seven days' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('answers INTERNAL with the request id only; the cause is in that request’s log', async () => {
    const seen: InvocationEvent[] = [];
    fx.emulator.events.on('invocation', (event) => seen.push(event));
    const { envelope, requestId } = await fx.callWithId('login', {}, alice);
    const error = errorOf(envelope);
    expect(error.code).toBe('INTERNAL');
    expect(error.details).toEqual({ requestId });
    expect(JSON.stringify(error)).not.toMatch(/SESSION_TTL_SECONDS|seven|Error|at /);
    const invocation = seen.find((event) => event.requestId === requestId);
    const log = JSON.stringify(invocation?.logs ?? []);
    expect(log).toContain(`requestId=${error.details?.requestId}`);
    expect(log).toContain('SESSION_TTL_SECONDS');
  });

  test.each(['checkSession', 'updateUserInfo', 'logout', 'whoami'])(
    '%s answers INTERNAL the same way',
    async (name) => {
      const token = 'c'.repeat(64);
      const reply = await fx.call(name, { token, scope: 'all', profile: { city: 'x' } }, alice);
      expect(errorOf(reply)).toEqual({
        code: 'INTERNAL',
        message: expect.any(String),
        details: { requestId: expect.any(String) },
      });
    },
  );

  test('cleanupSessions (trigger call) answers INTERNAL too', async () => {
    expect(errorOf(await fx.callWithoutOpenid('cleanupSessions', {})).code).toBe('INTERNAL');
  });
});
