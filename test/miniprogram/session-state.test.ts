/**
 * Session manager state with a scripted wx.cloud: listeners, balanced loading, storage that
 * fails, logout while offline, and refresh() after the server ended the session or offline.
 */
import { failure, success } from '../../contract/src/index';
import type { CloudFunctionCaller } from '../../client/src/lib/call';
import type { SessionStatus } from '../../client/src/lib/session/types';
import { manager, NOW, offline, scriptedCloud } from './support/scripted-cloud';

describe('state, loading and storage', () => {
  it('notifies listeners: logging-in, failed, logging-in, logged-in; loading only when the user asked, balanced', async () => {
    let fail = true;
    const cloud = scriptedCloud({});
    const flaky: CloudFunctionCaller = {
      callFunction: (param) =>
        fail ? Promise.reject({ errCode: -1, errMsg: 'request:fail' }) : cloud.callFunction(param),
    };
    const { session, loading } = manager(flaky);
    const seen: SessionStatus[] = [];
    const stop = session.onChange((snapshot) => seen.push(snapshot.status));
    await session.login({ interactive: true }).catch(() => undefined); // the user tapped 登录
    fail = false;
    await session.ensureLogin(); // silent: no loading, no mask
    stop();
    await session.logout();
    expect(seen).toEqual(['logging-in', 'failed', 'logging-in', 'logged-in']);
    expect(loading).toMatchObject({ shown: 1, hidden: 1 });
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

  it('refresh() after the user logged out does not log them back in', async () => {
    const cloud = scriptedCloud({ logout: () => success({ revoked: 1 }) });
    const { session } = manager(cloud);
    await session.ensureLogin();
    await session.logout();
    await session.refresh();
    expect(cloud.calls).toEqual(['login', 'logout']);
    expect(session.getSnapshot().status).toBe('logged-out');
    await expect(session.ensureLogin()).rejects.toMatchObject({ code: 'LOGGED_OUT' });
    await session.login(); // only the user ends a logout
    expect(cloud.calls).toEqual(['login', 'logout', 'login']);
  });
});
