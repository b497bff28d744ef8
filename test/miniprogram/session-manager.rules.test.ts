/**
 * Session manager rules that need a misbehaving server or network, with wx.cloud stubbed by a
 * scripted fake (the WeChat client runtime is the one thing we stub). The happy paths and the
 * call counts run against the real functions in session-manager.emulator.test.ts.
 */
import { failure, success, type PublicUser } from '../../miniprogram/contract/index';
import type { CloudFunctionCaller } from '../../miniprogram/lib/call';
import { backoffDelay, DEFAULT_RETRY } from '../../miniprogram/lib/session/retry';
import { SessionManager } from '../../miniprogram/lib/session/session-manager';
import type { SessionDeps, SessionStatus } from '../../miniprogram/lib/session/types';
import { memoryStorage } from './support/counting-cloud';

const NOW = 1_800_000_000_000;
const USER: PublicUser = {
  nickName: '',
  avatarUrl: '',
  gender: 0,
  country: '',
  province: '',
  city: '',
  language: '',
  createdAt: NOW,
  lastLoginAt: NOW,
  updatedAt: NOW,
  loginCount: 1,
};

type Handler = (data: Record<string, unknown>) => unknown;
const offline = () => {
  const errMsg = 'cloud.callFunction:fail request:fail';
  throw Object.assign(new Error(errMsg), { errCode: -1, errMsg });
};

/** A wx.cloud whose functions answer as scripted; logins hand out token-1, token-2, ... */
function scriptedCloud(
  handlers: Record<string, Handler>,
): CloudFunctionCaller & { calls: string[] } {
  const calls: string[] = [];
  let logins = 0;
  const defaults: Record<string, Handler> = {
    login: () => {
      logins += 1;
      return success({
        token: `token-${logins}`,
        expiresAt: NOW + 86_400_000,
        user: USER,
        isNewUser: false,
      });
    },
  };
  return {
    calls,
    async callFunction({ name, data }) {
      calls.push(name);
      const handler = handlers[name] ?? defaults[name];
      if (!handler) throw new Error(`unexpected call ${name}`);
      return { result: handler((data ?? {}) as Record<string, unknown>) };
    },
  };
}

function manager(cloud: CloudFunctionCaller, extra: Partial<SessionDeps> = {}) {
  const sleeps: number[] = [];
  const loading = {
    shown: 0,
    hidden: 0,
    show: () => void loading.shown++,
    hide: () => void loading.hidden++,
  };
  const session = new SessionManager({
    cloud,
    storage: memoryStorage(),
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    loading,
    ...extra,
  });
  return { session, sleeps, loading };
}

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
    expect(sleeps).toEqual([
      backoffDelay(DEFAULT_RETRY, 0, () => 0.5),
      backoffDelay(DEFAULT_RETRY, 1, () => 0.5),
    ]);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
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

  it('backoff stays within [ceiling/2, ceiling] and under maxDelayMs', () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** attempt);
      expect(backoffDelay(DEFAULT_RETRY, attempt, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(DEFAULT_RETRY, attempt, () => 0.999999)).toBeLessThanOrEqual(
        DEFAULT_RETRY.maxDelayMs,
      );
    }
  });
});

describe('state, loading and storage', () => {
  it('notifies listeners: logging-in, failed, logging-in, logged-in; loading always balanced', async () => {
    let fail = true;
    const cloud = scriptedCloud({});
    const flaky: CloudFunctionCaller = {
      callFunction: (param) =>
        fail ? Promise.reject({ errCode: -1, errMsg: 'request:fail' }) : cloud.callFunction(param),
    };
    const { session, loading } = manager(flaky);
    const seen: SessionStatus[] = [];
    const stop = session.onChange((snapshot) => seen.push(snapshot.status));
    await session.ensureLogin().catch(() => undefined);
    fail = false;
    await session.ensureLogin();
    stop();
    await session.logout();
    expect(seen).toEqual(['logging-in', 'failed', 'logging-in', 'logged-in']);
    expect(loading).toMatchObject({ shown: 2, hidden: 2 });
  });

  it('a loadingTitle call hides its loading on failure too', async () => {
    const cloud = scriptedCloud({ updateUserInfo: () => failure('INTERNAL') });
    const { session, loading } = manager(cloud);
    await session.ensureLogin();
    await expect(
      session.callAuthenticated(
        'updateUserInfo',
        { profile: { gender: 1 } },
        { loadingTitle: '保存中' },
      ),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(loading.shown).toBe(loading.hidden);
  });

  it('unreadable storage counts as no session; a throwing storage does not break login', async () => {
    const storage = {
      get: () => ({ token: 42 }),
      set: () => {
        throw new Error('quota exceeded');
      },
      remove: () => undefined,
    };
    const cloud = scriptedCloud({});
    const { session } = manager(cloud, { storage });
    expect(session.getSnapshot().status).toBe('logged-out');
    const first = await session.ensureLogin();
    await expect(session.ensureLogin()).resolves.toEqual(first); // kept in memory
    expect(cloud.calls).toEqual(['login']);
  });

  it('logout clears locally even when the server cannot be reached', async () => {
    const cloud = scriptedCloud({ logout: offline });
    const { session } = manager(cloud);
    await session.ensureLogin();
    await expect(session.logout()).resolves.toBe(false);
    expect(session.current()).toBeNull();
  });

  it('refresh() after the server ended the session logs in again', async () => {
    let now = NOW;
    const cloud = scriptedCloud({ checkSession: () => failure('SESSION_EXPIRED') });
    const { session } = manager(cloud, { now: () => now });
    await session.ensureLogin();
    now += 60 * 60_000;
    await session.refresh();
    expect(cloud.calls).toEqual(['login', 'checkSession', 'login']);
    expect(session.current()?.token).toBe('token-2');
  });

  it('refresh() while offline keeps the session and never rejects', async () => {
    let now = NOW;
    const cloud = scriptedCloud({ checkSession: offline });
    const { session } = manager(cloud, { now: () => now });
    const { token } = await session.ensureLogin();
    now += 60 * 60_000;
    await expect(session.refresh()).resolves.toBeUndefined();
    expect(session.current()?.token).toBe(token);
  });
});
