import type {
  AdminGetResponse,
  AdminListResponse,
  AdminSetStatusResponse,
  LoginResponse,
} from '../../contract/src';
import { consoleInsert, consoleSet } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips } from './support/users';

const root = { openid: 'o-root' };
const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };

describe('bans and roles (ADMIN_OPENIDS=o-root)', () => {
  let fx: FunctionsHarness;
  let rootToken: string;
  const admin = (data: Record<string, unknown>, token = rootToken, caller = root) =>
    fx.call('adminUsers', { token, ...data }, caller);

  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: 'o-root' });
    const rootLogin = await login(fx, root);
    rootToken = rootLogin.token;
    expect(rootLogin.user.roles).toEqual(['admin']);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('a ban: every old token answers ACCOUNT_DISABLED (one read), login makes no session', async () => {
    const tokens = [(await login(fx, alice)).token, (await login(fx, alice)).token];
    const set = dataOf(
      (await admin({ action: 'setStatus', openid: alice.openid, status: 'disabled' })) as never,
    ) as AdminSetStatusResponse;
    expect(set).toMatchObject({ revoked: 2, user: { status: 'disabled', openid: 'o-alice' } });
    for (const token of tokens) {
      const { envelope, requestId } = await fx.callWithId('checkSession', { token }, alice);
      expect(errorOf(envelope).code).toBe('ACCOUNT_DISABLED');
      expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 1, writes: 0 });
      expect(
        errorOf(await fx.call('updateUserInfo', { token, profile: { city: 'x' } }, alice)).code,
      ).toBe('ACCOUNT_DISABLED');
    }
    const before = await fx.documents('sessions', { openid: alice.openid });
    const { envelope, requestId } = await fx.callWithId('login', {}, alice);
    expect(errorOf(envelope).code).toBe('ACCOUNT_DISABLED');
    expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 1, writes: 0 });
    expect(await fx.documents('sessions', { openid: alice.openid })).toHaveLength(before.length);

    // Enabled again: login works; the banned tokens stay ended but no longer say "disabled".
    dataOf(await admin({ action: 'setStatus', openid: alice.openid, status: 'active' }));
    expect(dataOf(await fx.call<LoginResponse>('login', {}, alice)).isNewUser).toBe(false);
    expect(errorOf(await fx.call('checkSession', { token: tokens[0] }, alice)).code).toBe(
      'SESSION_INVALID',
    );
  });

  test('a status set by hand in the console is honoured by login and by user-reading calls', async () => {
    const { token } = await login(fx, bob);
    // The documented console step: add users/account:<OPENID> with status "disabled".
    await consoleInsert(fx, 'users', { _id: `account:${bob.openid}`, status: 'disabled' });
    expect(errorOf(await fx.call('login', {}, bob)).code).toBe('ACCOUNT_DISABLED');
    expect(errorOf(await fx.call('checkSession', { token, withUser: true }, bob)).code).toBe(
      'ACCOUNT_DISABLED',
    );
    await consoleSet(fx, 'users', { _id: `account:${bob.openid}` }, { status: 'active' });
  });

  test('roles are read on every call: granted works at once, removed answers PERMISSION_DENIED', async () => {
    const { token } = await login(fx, bob);
    expect(errorOf(await admin({ action: 'list' }, token, bob)).code).toBe('PERMISSION_DENIED');
    dataOf(await admin({ action: 'setRoles', openid: bob.openid, roles: ['admin', 'editor'] }));
    const listed = dataOf(
      (await admin({ action: 'list' }, token, bob)) as never,
    ) as AdminListResponse;
    expect(listed.total).toBeGreaterThanOrEqual(3);
    const me = dataOf(
      await fx.call<{ user: { roles: string[] } }>('checkSession', { token, withUser: true }, bob),
    );
    expect(me.user.roles).toEqual(['admin', 'editor']);
    dataOf(await admin({ action: 'setRoles', openid: bob.openid, roles: ['editor'] }));
    expect(errorOf(await admin({ action: 'list' }, token, bob)).code).toBe('PERMISSION_DENIED');
  });

  test('an admin cannot disable or delete themselves or drop their own admin role', async () => {
    for (const data of [
      { action: 'setStatus', openid: root.openid, status: 'disabled' },
      { action: 'delete', openid: root.openid },
      { action: 'setRoles', openid: root.openid, roles: [] },
    ]) {
      expect(errorOf(await admin(data)).code).toBe('PERMISSION_DENIED');
    }
    expect(dataOf(await fx.call('checkSession', { token: rootToken }, root))).toMatchObject({
      valid: true,
    });
  });

  test('list searches by OPENID and nickname, filters by status and role, pages with the total', async () => {
    const { token } = await login(fx, alice);
    dataOf(await fx.call('updateUserInfo', { token, profile: { nickName: '爱丽丝' } }, alice));
    const byName = dataOf(
      (await admin({ action: 'list', query: '丽' })) as never,
    ) as AdminListResponse;
    expect(byName.users.map((u) => u.openid)).toEqual(['o-alice']);
    const byId = dataOf(
      (await admin({ action: 'list', query: 'o-bob' })) as never,
    ) as AdminListResponse;
    expect(byId.users.map((u) => u.openid)).toEqual(['o-bob']);
    const editors = dataOf(
      (await admin({ action: 'list', role: 'editor' })) as never,
    ) as AdminListResponse;
    expect(editors.users.map((u) => u.openid)).toEqual(['o-bob']);
    await admin({ action: 'setStatus', openid: bob.openid, status: 'disabled' });
    const disabled = dataOf(
      (await admin({ action: 'list', status: 'disabled' })) as never,
    ) as AdminListResponse;
    expect(disabled.users.map((u) => u.openid)).toEqual(['o-bob']);
    const active = dataOf(
      (await admin({ action: 'list', status: 'active' })) as never,
    ) as AdminListResponse;
    expect(active.users.map((u) => u.openid).sort()).toEqual(['o-alice', 'o-root']);
    const page2 = dataOf(
      (await admin({ action: 'list', page: 2, pageSize: 2 })) as never,
    ) as AdminListResponse;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.users).toHaveLength(1);
    await admin({ action: 'setStatus', openid: bob.openid, status: 'active' });
  });

  test('get shows sessions without token material and the audit trail; revokeSessions ends them', async () => {
    const { token } = await login(fx, alice);
    const got = dataOf(
      (await admin({ action: 'get', openid: alice.openid })) as never,
    ) as AdminGetResponse;
    expect(got.user.openid).toBe(alice.openid);
    expect(got.sessions.length).toBeGreaterThan(0);
    const sessionIds = (await fx.documents('sessions', { openid: alice.openid })).map((s) => s._id);
    for (const id of sessionIds) expect(JSON.stringify(got)).not.toContain(String(id));
    expect(got.audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.created', 'status.changed', 'profile.updated']),
    );
    const revoked = dataOf(await admin({ action: 'revokeSessions', openid: alice.openid }));
    expect(revoked).toMatchObject({ revoked: expect.any(Number) });
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_INVALID');
  });

  test('bad requests are typed errors and change nothing; unknown users are NOT_FOUND', async () => {
    expect(errorOf(await admin({ action: 'drop' })).details).toEqual({
      field: 'action',
      reason: 'not_allowed',
    });
    expect(
      errorOf(await admin({ action: 'setRoles', openid: 'o-alice', roles: ['Admin!'] })).details,
    ).toEqual({
      field: 'roles.0',
      reason: 'not_allowed',
    });
    expect(errorOf(await admin({ action: 'setStatus', openid: 'o-alice' })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(errorOf(await admin({ action: 'get', openid: 'o-nobody' })).code).toBe('NOT_FOUND');
    expect(errorOf(await admin({ action: 'delete', openid: 'o-nobody' })).code).toBe('NOT_FOUND');
  });
});
