/**
 * The session manager against a running emulator with the real built cloud functions, through
 * the wx.cloud bridge. Counts every callFunction to check the promises about network calls.
 */
import type { RunningEmulator } from '../../emulator/src/index';
import { CloudCallError } from '../../client/src/lib/cloud-error';
import { SessionManager } from '../../client/src/lib/session/session-manager';
import type { KeyValueStorage } from '../../client/src/lib/session/types';
import {
  bridgeFor,
  countingCloud,
  memoryStorage,
  newOpenid,
  type CountingCloud,
} from './support/counting-cloud';
import { startRepoEmulator } from './support/emulator';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startRepoEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

const DAY = 24 * 60 * 60 * 1000;

/** One "launch" of the mini program: a new manager over storage that survived the last one. */
function launch(cloud: CountingCloud, storage: KeyValueStorage, now: () => number = Date.now) {
  return new SessionManager({ cloud, storage, now, sleep: async () => undefined });
}

describe('call counts per launch state', () => {
  it('first launch: 1 call (login); valid stored session: 0 calls; expired: 1 call', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('launch')));
    const storage = memoryStorage();

    const first = await launch(cloud, storage).ensureLogin();
    expect(cloud.calls).toEqual(['login']);
    expect(first.user.loginCount).toBe(1);

    cloud.reset();
    const second = await launch(cloud, storage).ensureLogin();
    expect(cloud.calls).toEqual([]);
    expect(second.token).toBe(first.token);

    // A launch after the stored session's expiry (the clock moved past expiresAt).
    cloud.reset();
    const later = () => first.expiresAt + DAY;
    const third = await launch(cloud, storage, later).ensureLogin();
    expect(cloud.calls).toEqual(['login']);
    expect(third.token).not.toBe(first.token);
    expect(third.user.loginCount).toBe(2);
  });

  it('a session inside the clock-skew margin counts as expired: 1 call', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('skew')));
    const storage = memoryStorage();
    const first = await launch(cloud, storage).ensureLogin();
    cloud.reset();
    // 30 s before expiry by the local clock: inside the default 60 s margin.
    await launch(cloud, storage, () => first.expiresAt - 30_000).ensureLogin();
    expect(cloud.calls).toEqual(['login']);
  });
});

describe('a device clock that is wrong', () => {
  it('30 days ahead: the stored session still counts as valid (expiry judged on server time)', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('clock')));
    const storage = memoryStorage();
    const ahead = () => Date.now() + 30 * DAY;
    const first = await launch(cloud, storage, ahead).ensureLogin();
    expect(first.expiresAt).toBeLessThan(ahead()); // by the device clock it looks expired
    cloud.reset();
    await launch(cloud, storage, ahead).ensureLogin();
    expect(cloud.calls).toEqual([]);
  });
});

describe('single flight', () => {
  it('20 concurrent calls after the server revoked the session: 1 login, all 20 succeed', async () => {
    const openid = newOpenid('revoked');
    const cloud = countingCloud(bridgeFor(emulator, openid));
    const session = launch(cloud, memoryStorage());
    const old = await session.ensureLogin();

    // Another device of the same user logs out everywhere: the server revokes our token too.
    const other = launch(countingCloud(bridgeFor(emulator, openid)), memoryStorage());
    await other.ensureLogin();
    await expect(other.logout('all')).resolves.toBe(true);

    cloud.reset();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        session.callAuthenticated('checkSession', { withUser: true }),
      ),
    );
    expect(results).toHaveLength(20);
    for (const result of results) expect(result.valid).toBe(true);
    expect(cloud.count('login')).toBe(1);
    // Each call: one rejected attempt, one retry with the new token.
    expect(cloud.count('checkSession')).toBe(40);
    expect(session.current()?.token).not.toBe(old.token);
  }, 60_000);

  it('a login that fails once: the error reaches every waiting caller, the next call logs in', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('flaky')));
    const session = launch(cloud, memoryStorage());
    cloud.failNext('login', 1);

    const waiting = await Promise.allSettled([
      session.ensureLogin(),
      session.ensureLogin(),
      session.ensureLogin(),
    ]);
    expect(cloud.calls).toEqual(['login']);
    for (const outcome of waiting) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as CloudCallError;
      expect(reason).toBeInstanceOf(CloudCallError);
      expect(reason.code).toBe('NETWORK');
    }
    expect(session.getSnapshot().status).toBe('failed');

    const retried = await session.ensureLogin();
    expect(cloud.calls).toEqual(['login', 'login']);
    expect(retried.token).toMatch(/^[0-9a-f]{64}$/);
    expect(session.getSnapshot().status).toBe('logged-in');
  });
});

describe('refresh, profile and logout against the real functions', () => {
  it('refresh() checks the session with the server only when it is due', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('refresh')));
    let now = Date.now();
    const session = launch(cloud, memoryStorage(), () => now);
    await session.ensureLogin();
    cloud.reset();

    await session.refresh();
    expect(cloud.calls).toEqual([]); // just confirmed by login

    now += 10 * 60_000;
    await session.refresh();
    expect(cloud.calls).toEqual(['checkSession']);
    expect(session.current()?.checkedAt).toBe(now);
  });

  it('updateUserInfo through the manager stores the new user; logout ends the session on the server', async () => {
    const cloud = countingCloud(bridgeFor(emulator, newOpenid('profile')));
    const session = launch(cloud, memoryStorage());
    const { token } = await session.ensureLogin();

    const { user } = await session.callAuthenticated('updateUserInfo', {
      profile: { nickName: '小明', gender: 1 },
    });
    session.setUser(user);
    expect(session.current()?.user).toMatchObject({ nickName: '小明', gender: 1 });

    await expect(session.logout('current')).resolves.toBe(true);
    expect(session.current()).toBeNull();
    expect(session.getSnapshot().status).toBe('logged-out');
    // The old token is now refused by the server itself.
    const check = await cloud.callFunction({ name: 'checkSession', data: { token } });
    expect(check.result).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
  });
});
