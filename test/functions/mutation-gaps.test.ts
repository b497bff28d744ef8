/**
 * Issue 21 item 9: cases mutation testing found untested. Interleavings are chosen by holding
 * one database request (support/interleave.ts); time moves on the emulator's clock.
 */
import type { BindPhoneNumberResponse, LoginResponse } from '../../contract/src';
import { auditSubject } from '../../server/src/audit';
import { clientInsert } from './support/account';
import { dataOf, startFunctions, type FunctionsHarness } from './support/harness';
import { holdRequest } from './support/interleave';
import { login } from './support/users';

const DAY = 86_400_000;

describe('cases mutation testing left open (ADMIN_OPENIDS=o-root)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: 'o-root' });
  });
  afterAll(async () => {
    fx?.emulator.clock.setOffset(0);
    await fx?.stop();
  });

  test("a user deleted between login's read and its update gets a user again, with the session", async () => {
    const user = { openid: 'o-vanishing' };
    await login(fx, user);
    const hold = holdRequest(fx, 'login', 2); // the update, after the read
    try {
      const pending = fx.call<LoginResponse>('login', {}, user);
      expect(await hold.reached).toBe(true);
      await fx.emulator.database.handle({
        action: 'database.removeDocument',
        collectionName: 'users',
        queryType: 'DOC',
        query: JSON.stringify({ _id: user.openid }),
        multi: false,
      });
      hold.release();
      const { token } = dataOf(await pending);
      const [stored] = await fx.documents<{ activeSessions: Record<string, unknown> }>('users', {
        _id: user.openid,
      });
      expect(stored).toBeDefined();
      expect(Object.keys(stored!.activeSessions)).toHaveLength(1);
      expect(dataOf(await fx.call('checkSession', { token }, user))).toMatchObject({ valid: true });
    } finally {
      hold.restore();
    }
  });

  test('deleting an account also removes session documents its client wrote', async () => {
    const user = { openid: 'o-session-writer' };
    const { token } = await login(fx, user);
    await clientInsert(fx, 'sessions', user, { _id: 'f'.repeat(64), openid: 'o-someone' });
    dataOf(await fx.call('deleteAccount', { token }, user));
    expect(await fx.documents('sessions', { _openid: user.openid })).toEqual([]);
  });

  test('a ban also revokes sessions that already expired', async () => {
    const rootToken = (await login(fx, { openid: 'o-root' })).token;
    const user = { openid: 'o-expired-then-banned' };
    await login(fx, user);
    fx.emulator.clock.advance(8 * DAY);
    try {
      const fresh = (await login(fx, { openid: 'o-root' })).token;
      dataOf(
        await fx.call(
          'adminUsers',
          { token: fresh, action: 'setStatus', openid: user.openid, status: 'disabled' },
          { openid: 'o-root' },
        ),
      );
      const sessions = await fx.documents<{ revokedReason?: string }>('sessions', {
        openid: user.openid,
      });
      expect(sessions.map((s) => s.revokedReason)).toEqual(['disabled']);
    } finally {
      fx.emulator.clock.setOffset(0);
    }
    expect(rootToken).not.toBe('');
  });

  // Each case has one right outcome, asserted whole: a fault before execution fails the call
  // and leaves the first number bound and claimed; a fault after execution (the claim landed,
  // its reply was lost) binds the new number, claimed, with its audit entry. Never a bound
  // number without its claim, never the old claim left behind.
  test.each([
    { when: 'before' as const, first: '13300000001', second: '13300000002', lands: false },
    { when: 'after' as const, first: '13300000003', second: '13300000004', lands: true },
  ])(
    'a fault on the phone-claim insert ($when execution) never leaves the number bound without its claim',
    async ({ when, first, second, lands }) => {
      const user = { openid: `o-claim-fault-${when}` };
      const { token } = await login(fx, user);
      const issue = (phoneNumber: string) =>
        fx.emulator.openapi.phoneCodes.issue({ openid: user.openid, phoneNumber }).code;
      // A first number bound cleanly, so the exchange limit's document exists (an update, not
      // an insert) and the fault hits the new number's claim only.
      dataOf(await fx.call('bindPhoneNumber', { token, code: issue(first) }, user));
      const code = issue(second);
      fx.emulator.database.setFaults({
        faultRate: 1,
        action: 'database.insertDocument',
        collection: 'phones',
        when,
      });
      let reply;
      try {
        reply = await fx.call<BindPhoneNumberResponse>('bindPhoneNumber', { token, code }, user);
      } finally {
        fx.emulator.database.setFaults({
          faultRate: 0,
          action: '',
          collection: '',
          when: 'before',
        });
      }
      const bound = lands ? second : first;
      expect(reply.ok).toBe(lands);
      if (reply.ok) expect(reply.data.user.phone?.number).toBe(second);
      // The bound number as stored: the account record (never the user document).
      const [record] = await fx.documents<{ phone: { number: string } | null }>('users', {
        _id: `account:${user.openid}`,
      });
      expect(record?.phone?.number).toBe(bound);
      const claims = await fx.documents<{ number: string }>('phones', { owner: user.openid });
      expect(claims.map((c) => c.number)).toEqual([bound]);
      const changes = await fx.documents<{ details: { change: string } }>('audit_log', {
        subject: auditSubject(user.openid),
        action: 'phone.changed',
      });
      expect(changes.map((e) => e.details.change).sort()).toEqual(
        lands ? ['bound', 'replaced'] : ['bound'],
      );
    },
  );
});
