/**
 * Issue 21 item 4: the audit trail cannot be forged or hidden. Under the console's default
 * permission a client can add documents to audit_log; an admin's `get` must show the real
 * entries and none a client wrote (they carry `_openid`), whatever time they claim.
 */
import type { AdminGetResponse } from '../../contract/src';
import { auditSubject } from '../../server/src/audit';
import { clientInsert, consoleInsert } from './support/account';
import { dataOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const root = { openid: 'o-root' };
const victim = { openid: 'o-audited' };
const forger = { openid: 'o-forger' };
const DAY = 86_400_000;

describe('audit_log (ADMIN_OPENIDS=o-root)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: 'o-root' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('20 forged entries from a client neither show nor hide the real ones', async () => {
    const rootToken = (await login(fx, root)).token;
    await login(fx, victim); // account.created, written by the server
    const subject = auditSubject(victim.openid);
    for (let i = 0; i < 20; i += 1) {
      await clientInsert(fx, 'audit_log', forger, {
        time: Date.now() + DAY + i,
        action: 'status.changed',
        subject,
        actor: 'system',
        requestId: `forged-${i}`,
      });
    }
    // A forged entry without a future time, too: `_openid` alone gives it away.
    await clientInsert(fx, 'audit_log', forger, {
      time: Date.now() - 1000,
      action: 'account.deleted',
      subject,
      actor: 'system',
      requestId: 'forged-past',
    });
    const { audit } = dataOf(
      await fx.call<AdminGetResponse>(
        'adminUsers',
        { token: rootToken, action: 'get', openid: victim.openid },
        root,
      ),
    );
    expect(audit.map((entry) => entry.action)).toEqual(['account.created']);
    expect(JSON.stringify(audit)).not.toContain('forged');
  });

  test("a client squatting a deletion entry's id does not replace the server's entry", async () => {
    const leaving = { openid: 'o-leaving' };
    await login(fx, leaving);
    const startedAt = Date.now() - 60_000;
    // A deletion already under way (its mark fixes the entry's id), as after a fault.
    await consoleInsert(fx, 'users', {
      _id: `account:${leaving.openid}`,
      kind: 'account',
      openid: leaving.openid,
      deletingAt: startedAt,
      updatedAt: startedAt,
    });
    const id = `deleted-${auditSubject(leaving.openid).slice(0, 32)}-${startedAt}`;
    await clientInsert(fx, 'audit_log', forger, { _id: id, time: 0, action: 'roles.changed' });
    dataOf(await fx.call('deleteAccount', { token: 'f'.repeat(64) }, leaving));
    const [entry] = await fx.documents<Record<string, unknown>>('audit_log', { _id: id });
    expect(entry).toMatchObject({ action: 'account.deleted', actor: 'self' });
    expect(entry).not.toHaveProperty('_openid');
  });

  test('get names the acting admin (by role or ADMIN_OPENIDS), never a demoted one', async () => {
    const helper = { openid: 'o-helper-admin' };
    const subjectUser = { openid: 'o-acted-on' };
    const rootToken = (await login(fx, root)).token;
    await login(fx, subjectUser);
    await consoleInsert(fx, 'users', {
      _id: `account:${helper.openid}`,
      kind: 'account',
      openid: helper.openid,
      roles: ['admin'],
      updatedAt: Date.now(),
    });
    const helperToken = (await login(fx, helper)).token;
    const act = <T = unknown>(token: string, caller: typeof root, data: object) =>
      fx.call<T>('adminUsers', { token, openid: subjectUser.openid, ...data }, caller);
    dataOf(await act(helperToken, helper, { action: 'revokeSessions' }));
    dataOf(await act(rootToken, root, { action: 'setStatus', status: 'disabled' }));
    const read = async () =>
      dataOf(await act<AdminGetResponse>(rootToken, root, { action: 'get' })).audit;
    const named = (await read()).map((e) => [e.action, e.actorOpenid]);
    expect(named.slice(0, 2)).toEqual([
      ['status.changed', root.openid],
      ['sessions.revoked', helper.openid],
    ]);
    // The helper loses the role: their entry stays, unnamed (only its hash is stored).
    dataOf(await act(rootToken, root, { action: 'setRoles', openid: helper.openid, roles: [] }));
    const after = (await read()).find((e) => e.action === 'sessions.revoked')!;
    expect(after.actorOpenid).toBeUndefined();
    expect(after.actor).toBe(auditSubject(helper.openid));
  });

  test('the repository gives audit_log a rules file with no client access', async () => {
    const { readFileSync } = await import('node:fs');
    const rule = JSON.parse(readFileSync('database/security-rules/audit_log.json', 'utf8'));
    expect(rule).toEqual({ read: false, write: false });
  });
});
