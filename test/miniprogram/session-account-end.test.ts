/**
 * How an account ends, seen by the session manager (issue 26, item 4): a ban (ACCOUNT_DISABLED
 * from any call) clears the phone's session and publishes `disabled`, without a login loop; a
 * deletion publishes `deleted`, makes no `logout` call and survives a cold start.
 */
import { failure, success } from '../../contract/src/index';
import { memoryStorage } from './support/counting-cloud';
import { manager, scriptedCloud } from './support/scripted-cloud';

const disabled = () => failure('ACCOUNT_DISABLED');

describe('a banned account', () => {
  it('an authenticated call answered ACCOUNT_DISABLED clears the session and publishes disabled', async () => {
    const storage = memoryStorage();
    const cloud = scriptedCloud({ updateUserInfo: disabled });
    const { session } = manager(cloud, { storage });
    await session.ensureLogin();
    await expect(
      session.callAuthenticated('updateUserInfo', { profile: { nickName: '小明' } }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(session.getSnapshot()).toMatchObject({
      status: 'disabled',
      session: null,
      error: { code: 'ACCOUNT_DISABLED' },
    });
    expect(storage.data.get('wx-cloud-login:session')).toBeUndefined();
    // Nothing tries again by itself: the next call fails at once, without the network.
    cloud.calls.splice(0);
    await expect(session.callAuthenticated('checkSession', {})).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
    await session.refresh();
    expect(cloud.calls).toEqual([]);
  });

  it('a launch check answered ACCOUNT_DISABLED publishes disabled', async () => {
    let now = 1_800_000_000_000;
    const cloud = scriptedCloud({ checkSession: disabled });
    const { session } = manager(cloud, { now: () => now });
    await session.ensureLogin();
    now += 10 * 60_000; // the check is due
    await session.refresh();
    expect(session.getSnapshot().status).toBe('disabled');
    expect(cloud.calls).toEqual(['login', 'checkSession']);
  });

  it('a refused login publishes disabled (not failed); 登录 asks the server again', async () => {
    let banned = true;
    const cloud = scriptedCloud({
      login: () =>
        banned
          ? disabled()
          : success({ token: 't', expiresAt: 1_900_000_000_000, user: {}, isNewUser: false }),
    });
    const { session } = manager(cloud);
    await session.refresh();
    expect(session.getSnapshot()).toMatchObject({ status: 'disabled', session: null });
    banned = false; // the operator lifted the ban
    await session.login();
    expect(session.getSnapshot().status).toBe('logged-in');
    expect(cloud.calls).toEqual(['login', 'login']);
  });
});

describe('a deleted account', () => {
  it('accountDeleted() ends the session locally without a logout call, and stays across a cold start', async () => {
    const storage = memoryStorage();
    const cloud = scriptedCloud({});
    const first = manager(cloud, { storage }).session;
    await first.ensureLogin();
    first.accountDeleted();
    expect(first.getSnapshot()).toMatchObject({ status: 'deleted', session: null });
    expect(cloud.calls).toEqual(['login']);

    const relaunched = manager(cloud, { storage }).session;
    await relaunched.refresh();
    expect(relaunched.getSnapshot().status).toBe('deleted');
    expect(cloud.calls).toEqual(['login']); // no silent re-registration as a new user
    await relaunched.login(); // the user chose to start again
    expect(relaunched.getSnapshot().status).toBe('logged-in');
  });
});

describe('deleteAccount that lost its reply', () => {
  /** deleteAccount runs on the server, then the reply is lost (weak network) `lost` times. */
  function losingCloud(lost: number) {
    const tokens: unknown[] = [];
    const cloud = scriptedCloud({
      deleteAccount: (data) => {
        tokens.push(data.token);
        if (tokens.length <= lost) {
          const errMsg = 'cloud.callFunction:fail request:fail timeout';
          throw Object.assign(new Error(errMsg), { errCode: -1, errMsg });
        }
        // The server's answer to a retry once nothing is left (deleteAccount.ts).
        return success({ deleted: { sessions: 0, documents: {}, files: 0 } });
      },
    });
    return { cloud, tokens };
  }

  it('is retried with the same token and ends as deleted, never logging in again', async () => {
    const { cloud, tokens } = losingCloud(1);
    const { session } = manager(cloud);
    await session.ensureLogin();
    await session.deleteAccount();
    expect(cloud.calls).toEqual(['login', 'deleteAccount', 'deleteAccount']);
    expect(tokens).toEqual(['token-1', 'token-1']);
    expect(session.getSnapshot().status).toBe('deleted');
  });

  it('when every try fails, the next launch finishes the deletion instead of registering anew', async () => {
    const storage = memoryStorage();
    const { cloud, tokens } = losingCloud(3);
    const { session } = manager(cloud, { storage });
    await session.ensureLogin();
    await expect(session.deleteAccount()).rejects.toMatchObject({ code: 'NETWORK' });

    const relaunched = manager(cloud, { storage }).session;
    await relaunched.refresh();
    expect(cloud.calls.filter((name) => name === 'login')).toEqual(['login']);
    expect(tokens).toEqual(['token-1', 'token-1', 'token-1', 'token-1']);
    expect(relaunched.getSnapshot().status).toBe('deleted');
  });
});
