import { createHash, randomBytes } from 'node:crypto';
import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import { clientDb, clientInsert, consoleSet } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const mallory = { openid: 'o-mallory' };
const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };
const root = { openid: 'o-root' };
const DAY = 86_400_000;

describe('with no rules applied (the console default), client-written documents grant nothing', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: root.openid });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('a session document a client inserted is not a session', async () => {
    await login(fx, mallory);
    const token = randomBytes(32).toString('hex');
    await clientInsert(fx, 'sessions', mallory, {
      _id: createHash('sha256').update(token).digest('hex'),
      openid: mallory.openid,
      createdAt: Date.now(),
      expiresAt: Date.now() + DAY,
      revokedAt: null,
    });
    expect(errorOf(await fx.call('checkSession', { token }, mallory)).code).toBe('SESSION_INVALID');
  });

  test('roles and status a client writes into its own user document grant nothing', async () => {
    const { token } = await login(fx, alice);
    const users = clientDb(fx, alice).collection('users');
    // Allowed by the default permission: the user document carries the owner's `_openid`.
    await users.where({ _openid: '{openid}' }).update({ data: { roles: ['admin'] } });
    const [stored] = await fx.documents('users', { _id: alice.openid });
    expect(stored!.roles).toEqual(['admin']);
    expect(errorOf(await fx.call('adminUsers', { token, action: 'list' }, alice)).code).toBe(
      'PERMISSION_DENIED',
    );
    expect(dataOf(await fx.call<LoginResponse>('login', {}, alice)).user.roles).toEqual([]);
  });

  test('an account record a client squats (added before the server wrote one) grants nothing', async () => {
    await clientInsert(fx, 'users', mallory, {
      _id: `account:${mallory.openid}`,
      kind: 'account',
      openid: mallory.openid,
      roles: ['admin'],
    });
    const { token, user } = dataOf(await fx.call<LoginResponse>('login', {}, mallory));
    expect(user.roles).toEqual([]);
    expect(errorOf(await fx.call('adminUsers', { token, action: 'list' }, mallory)).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  test('a banned user cannot lift the ban from the client', async () => {
    const { token: rootToken } = await login(fx, root);
    await login(fx, bob);
    dataOf(
      await fx.call(
        'adminUsers',
        { token: rootToken, action: 'setStatus', openid: bob.openid, status: 'disabled' },
        root,
      ),
    );
    const users = clientDb(fx, bob).collection('users');
    await users
      .doc(`account:${bob.openid}`)
      .update({ data: { status: 'active' } })
      .catch(() => undefined);
    await users
      .where({ _id: `account:${bob.openid}` })
      .update({ data: { status: 'active' } })
      .catch(() => undefined);
    expect(errorOf(await fx.call('login', {}, bob)).code).toBe('ACCOUNT_DISABLED');
    const [record] = await fx.documents('users', { _id: `account:${bob.openid}` });
    expect(record).toMatchObject({ status: 'disabled' });
    expect(record).not.toHaveProperty('_openid');
  });
});

describe('cleanupSessions and the absolute session lifetime', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_CLEANUP_AFTER_DAYS: '0' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('cleanupSessions called by a user is refused and deletes nothing', async () => {
    const { token } = await login(fx, alice);
    await fx.call('logout', { token, scope: 'current' }, alice);
    expect(errorOf(await fx.call('cleanupSessions', {}, alice)).code).toBe('PERMISSION_DENIED');
    expect(await fx.documents('sessions', { openid: alice.openid })).toHaveLength(1);
    expect(dataOf(await fx.callWithoutOpenid('cleanupSessions', {}))).toMatchObject({ deleted: 1 });
  });

  test('sliding renewal never extends a session past createdAt + 30 days', async () => {
    const { token } = await login(fx, alice);
    const hash = createHash('sha256').update(token).digest('hex');
    const now = Date.now();
    // Created 29.5 days ago and in its last hour: renewal may add at most half a day.
    const createdAt = now - 29.5 * DAY;
    await consoleSet(fx, 'sessions', { _id: hash }, { createdAt, expiresAt: now + 3_600_000 });
    const renewed = dataOf(await fx.call<CheckSessionResponse>('checkSession', { token }, alice));
    expect(renewed.expiresAt).toBe(createdAt + 30 * DAY);
    // At the cap nothing extends it any more, and past it the session is over.
    await consoleSet(
      fx,
      'sessions',
      { _id: hash },
      { createdAt: now - 30 * DAY, expiresAt: now + 60_000 },
    );
    const capped = dataOf(await fx.call<CheckSessionResponse>('checkSession', { token }, alice));
    expect(capped.expiresAt).toBe(now + 60_000);
    await consoleSet(fx, 'sessions', { _id: hash }, { expiresAt: now - 1 });
    expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_EXPIRED');
  });

  test('audit entries older than AUDIT_RETENTION_DAYS are aged out by the cleanup', async () => {
    await consoleSet(fx, 'audit_log', {}, { time: Date.now() - 181 * DAY });
    const before = (await fx.documents('audit_log')).length;
    expect(before).toBeGreaterThan(0);
    const result = dataOf(
      await fx.callWithoutOpenid<{ auditDeleted: number }>('cleanupSessions', {}),
    );
    expect(result.auditDeleted).toBe(before);
    expect(await fx.documents('audit_log')).toHaveLength(0);
  });
});
