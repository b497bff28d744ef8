/**
 * Session manager rules with a scripted wx.cloud: a rejected token costs one login and one
 * retry (never a loop); network failures are retried with backoff for idempotent calls only.
 * The happy paths and call counts run against the real functions (session-manager.emulator.test.ts).
 */
import { failure, success } from '../../contract/src/index';
import { backoffDelay, DEFAULT_RETRY } from '../../client/src/lib/session/retry';
import { manager, offline, scriptedCloud, USER } from './support/scripted-cloud';

describe('a rejected token', () => {
  it('costs one login and one retry; a second rejection reaches the caller (no loop)', async () => {
    const cloud = scriptedCloud({ checkSession: () => failure('SESSION_INVALID') });
    const { session } = manager(cloud);
    await expect(session.callAuthenticated('checkSession', {})).rejects.toMatchObject({
      code: 'SESSION_INVALID',
    });
    expect(cloud.calls).toEqual(['login', 'checkSession', 'login', 'checkSession']);
  });

  it('SESSION_EXPIRED is handled the same way and the retry carries the new token', async () => {
    const tokens: unknown[] = [];
    const cloud = scriptedCloud({
      updateUserInfo: (data) => {
        tokens.push(data.token);
        return data.token === 'token-1' ? failure('SESSION_EXPIRED') : success({ user: USER });
      },
    });
    const { session } = manager(cloud);
    await session.callAuthenticated('updateUserInfo', { profile: { nickName: 'n' } });
    expect(tokens).toEqual(['token-1', 'token-2']);
  });

  it('other business errors are not retried', async () => {
    const cloud = scriptedCloud({
      updateUserInfo: () => failure('INVALID_ARGUMENT', { field: 'profile.nickName' }),
    });
    const { session } = manager(cloud);
    await expect(
      session.callAuthenticated('updateUserInfo', { profile: {} }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'profile.nickName' },
    });
    expect(cloud.calls).toEqual(['login', 'updateUserInfo']);
  });
});

describe('network failures', () => {
  it('idempotent calls are retried with backoff and jitter, a bounded number of times', async () => {
    const cloud = scriptedCloud({ checkSession: offline });
    const { session, sleeps } = manager(cloud);
    await expect(session.callAuthenticated('checkSession', {})).rejects.toMatchObject({
      code: 'NETWORK',
      errCode: -1,
    });
    expect(cloud.calls.filter((n) => n === 'checkSession')).toHaveLength(DEFAULT_RETRY.attempts);
    // 300 ms base, doubling, equal jitter at random() = 0.5: 150 + 75, then 300 + 150.
    expect(sleeps).toEqual([225, 450]);
  });

  it('a call that recovers after one failure succeeds', async () => {
    let failures = 1;
    const cloud = scriptedCloud({
      logout: () => (failures-- > 0 ? offline() : success({ revoked: 1 })),
    });
    const { session } = manager(cloud);
    await session.ensureLogin();
    await expect(session.logout('all')).resolves.toBe(true);
    expect(cloud.calls).toEqual(['login', 'logout', 'logout']);
  });

  it('login and calls marked not idempotent are never retried', async () => {
    const noLogin = scriptedCloud({ login: offline });
    const first = manager(noLogin);
    await expect(first.session.ensureLogin()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(noLogin.calls).toEqual(['login']);
    expect(first.sleeps).toEqual([]);

    const cloud = scriptedCloud({ updateUserInfo: offline });
    const second = manager(cloud);
    const profile = { gender: 1 as const };
    await expect(
      second.session.callAuthenticated('updateUserInfo', { profile }, { idempotent: false }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    expect(cloud.calls).toEqual(['login', 'updateUserInfo']);
    expect(second.sleeps).toEqual([]);
  });

  it('backoff doubles from 300 ms, capped at 3 s, between half and all of its ceiling', () => {
    const attempts = [0, 1, 2, 3, 4, 5, 9];
    const at = (random: number) =>
      attempts.map((a) => backoffDelay(DEFAULT_RETRY, a, () => random));
    expect(at(0)).toEqual([150, 300, 600, 1200, 1500, 1500, 1500]);
    expect(at(0.999999)).toEqual([300, 600, 1200, 2400, 3000, 3000, 3000]);
  });
});
