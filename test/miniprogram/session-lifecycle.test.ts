/**
 * What a real phone does to a session (issue 15), with a scripted wx.cloud: a logout that
 * survives a cold start and wins over a login in flight, a clock that was wrong and then
 * corrected, renewal reaching the phone at launch, client timeouts, function timeouts.
 */
import { failure, success } from '../../contract/src/index';
import type { CloudFunctionCaller } from '../../client/src/lib/call';
import { memoryStorage } from './support/counting-cloud';
import { manager, NOW, scriptedCloud, USER } from './support/scripted-cloud';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** A login answer for a 7-day session issued at server time `serverNow`. */
const loginAt = (serverNow: number, token = 'token-1') =>
  success({ token, expiresAt: serverNow + WEEK, user: USER, isNewUser: false });

describe('logout sticks', () => {
  it('a cold start after logout makes no call and stays logged out until the user logs in', async () => {
    const storage = memoryStorage();
    const cloud = scriptedCloud({ logout: () => success({ revoked: 1 }) });
    const first = manager(cloud, { storage }).session;
    await first.ensureLogin();
    await first.logout();

    const relaunched = manager(cloud, { storage }).session; // the app was killed and reopened
    await relaunched.refresh(); // what app.ts and the home page run at launch
    expect(cloud.calls).toEqual(['login', 'logout']);
    expect(relaunched.getSnapshot().status).toBe('logged-out');
    expect(relaunched.isLoggedOut()).toBe(true);
    await expect(relaunched.callAuthenticated('checkSession', {})).rejects.toMatchObject({
      code: 'LOGGED_OUT',
    });

    await relaunched.login(); // the user tapped 登录
    const third = manager(cloud, { storage }).session;
    expect(third.isLoggedOut()).toBe(false);
    expect(third.getSnapshot().status).toBe('logged-in');
  });

  it('a logout while a login is in flight wins; the late session is revoked on the server', async () => {
    let answer: (value: { result?: unknown }) => void = () => undefined;
    const revoked: unknown[] = [];
    const cloud: CloudFunctionCaller = {
      callFunction: ({ name, data }) => {
        if (name === 'login') return new Promise((resolve) => (answer = resolve));
        revoked.push(data);
        return Promise.resolve({ result: success({ revoked: 1 }) });
      },
    };
    const { session } = manager(cloud);
    const login = session.ensureLogin();
    await session.logout();
    answer({ result: loginAt(NOW, 'late-token') });

    await expect(login).rejects.toMatchObject({ code: 'LOGGED_OUT' });
    expect(session.getSnapshot().status).toBe('logged-out');
    expect(session.current()).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(revoked).toEqual([{ scope: 'current', token: 'late-token' }]);
  });
});

describe('a clock that was wrong, then corrected', () => {
  it('30 days fast at login, fixed 8 days later: the 7-day session is found expired', async () => {
    let local = NOW + 30 * DAY; // the phone is 30 days fast
    let server = NOW;
    let logins = 0;
    const cloud = scriptedCloud(
      {
        login: () => loginAt(server, `token-${++logins}`),
        checkSession: () =>
          server >= NOW + WEEK ? failure('SESSION_EXPIRED') : failure('INTERNAL'),
      },
      { serverNow: () => server },
    );
    const storage = memoryStorage();
    await manager(cloud, { storage, now: () => local }).session.ensureLogin();

    server = NOW + 8 * DAY;
    local = server; // the user fixed the clock; the session expired a day ago
    const { session } = manager(cloud, { storage, now: () => local });
    // The stored offset (-30 days) still makes the session look valid without a call...
    expect(session.current()).not.toBeNull();
    // ...but checkedAt lies in the future: a negative elapsed time makes the check due.
    await session.refresh();
    expect(cloud.calls).toEqual(['login', 'checkSession', 'login']);
    expect(session.current()?.token).toBe('token-2');
    expect(session.current()?.serverOffsetMs).toBe(0);
  });

  it('every answer re-estimates the offset, so expiry follows the server clock', async () => {
    let local = NOW + 30 * DAY;
    const cloud = scriptedCloud(
      {
        login: () => loginAt(NOW),
        updateUserInfo: () => success({ user: USER }),
      },
      { serverNow: () => NOW },
    );
    const { session } = manager(cloud, { now: () => local });
    await session.ensureLogin();
    expect(session.current()?.serverOffsetMs).toBe(-30 * DAY);

    local = NOW; // clock corrected; the next authenticated answer brings the real offset
    await session.callAuthenticated('updateUserInfo', { profile: { gender: 1 } });
    expect(session.current()?.serverOffsetMs).toBe(0);
    local = NOW + WEEK; // a week later by the (now right) clock the session is over
    expect(session.current()).toBeNull();
  });
});

describe('renewal reaches the phone', () => {
  it('a cold start checks a session not confirmed recently and stores the renewed expiry', async () => {
    let local = NOW;
    const renewedTo = NOW + 6.5 * DAY + WEEK;
    const cloud = scriptedCloud(
      {
        login: () => loginAt(NOW),
        checkSession: () => success({ valid: true as const, expiresAt: renewedTo, user: USER }),
      },
      { serverNow: () => local },
    );
    const storage = memoryStorage();
    await manager(cloud, { storage, now: () => local }).session.ensureLogin();

    local = NOW + 6.5 * DAY; // back after six and a half days: inside the renewal window
    const { session } = manager(cloud, { storage, now: () => local });
    await session.refresh();
    expect(cloud.calls).toEqual(['login', 'checkSession']);
    expect(session.current()?.expiresAt).toBe(renewedTo);

    await manager(cloud, { storage, now: () => local }).session.refresh(); // checked just now
    expect(cloud.calls).toEqual(['login', 'checkSession']);
  });
});

describe('timeouts', () => {
  it('a call the SDK never answers ends as CLIENT_TIMEOUT at the client timeout; the page can retry', async () => {
    const hanging: CloudFunctionCaller = { callFunction: () => new Promise(() => undefined) };
    const { session } = manager(hanging, { callTimeoutMs: 20 });
    await expect(session.ensureLogin()).rejects.toMatchObject({ code: 'CLIENT_TIMEOUT' });
    expect(session.getSnapshot()).toMatchObject({
      status: 'failed',
      error: { code: 'CLIENT_TIMEOUT' },
    });
  });

  it('a function that timed out (-504002) is not retried', async () => {
    const cloud = scriptedCloud({
      checkSession: () => {
        const errMsg =
          'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Invoking task timed out after 5 seconds';
        throw Object.assign(new Error(errMsg), { errCode: -504002, errMsg });
      },
    });
    const { session, sleeps } = manager(cloud);
    await expect(session.callAuthenticated('checkSession', {})).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(cloud.calls).toEqual(['login', 'checkSession']);
    expect(sleeps).toEqual([]);
  });
});
