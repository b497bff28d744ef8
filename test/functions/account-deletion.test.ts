import type { DeleteAccountResponse, LoginResponse } from '../../contract/src';
import {
  clientInsert,
  consoleInsert,
  fileExists,
  retryInternal,
  uploadAvatarAs,
} from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };
const carol = { openid: 'o-carol' };

async function setAvatar(fx: FunctionsHarness, token: string, caller: typeof alice, url: string) {
  dataOf(
    await fx.call(
      'updateUserInfo',
      { token, profile: { avatarUrl: url, nickName: '小明' } },
      caller,
    ),
  );
}

describe('deleteAccount (ACCOUNT_DATA_COLLECTIONS=notes,photos)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ACCOUNT_DATA_COLLECTIONS: 'notes,photos' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('removes sessions, app documents, the own avatar file and the user; the next login is new', async () => {
    const first = await login(fx, alice);
    const second = await login(fx, alice);
    const bobLogin = await login(fx, bob);
    const aliceFile = await uploadAvatarAs(fx, alice, first.token);
    await setAvatar(fx, first.token, alice, aliceFile);
    await clientInsert(fx, 'notes', alice, { text: 'a1' });
    await clientInsert(fx, 'notes', alice, { text: 'a2' });
    await clientInsert(fx, 'photos', alice, { text: 'p1' });
    await clientInsert(fx, 'notes', bob, { text: 'b1' });
    // The claim phone binding keeps on a bound number (step 4 releases it).
    await consoleInsert(fx, 'phones', {
      _id: '86-13800138000',
      owner: alice.openid,
      countryCode: '86',
      number: '13800138000',
      boundAt: Date.now(),
    });

    const result = dataOf(
      await fx.call<DeleteAccountResponse>('deleteAccount', { token: second.token }, alice),
    );
    expect(result.deleted).toEqual({ sessions: 2, documents: { notes: 2, photos: 1 }, files: 1 });

    expect(await fx.documents('users', { _id: alice.openid })).toHaveLength(0);
    expect(await fx.documents('sessions', { openid: alice.openid })).toHaveLength(0);
    expect(await fx.documents('notes', { _openid: alice.openid })).toHaveLength(0);
    expect(await fx.documents('photos', { _openid: alice.openid })).toHaveLength(0);
    expect(await fx.documents('notes', { _openid: bob.openid })).toHaveLength(1);
    expect(await fileExists(fx, aliceFile)).toBe(false);
    expect(await fx.documents('phones', { owner: alice.openid })).toHaveLength(0);
    // Bob is untouched.
    expect(dataOf(await fx.call('checkSession', { token: bobLogin.token }, bob))).toMatchObject({
      valid: true,
    });
    for (const token of [first.token, second.token]) {
      expect(errorOf(await fx.call('checkSession', { token }, alice)).code).toBe('SESSION_INVALID');
    }
    // The audit trail keeps the deletion, but no OPENID or profile data of the account.
    const audit = await fx.documents('audit_log');
    expect(audit.map((e) => e.action)).toContain('account.deleted');
    expect(JSON.stringify(audit)).not.toContain(alice.openid);
    expect(JSON.stringify(audit)).not.toContain('小明');

    // A retry whose earlier attempt finished (its reply lost) is told there is nothing left.
    const retry = dataOf(
      await fx.call<DeleteAccountResponse>('deleteAccount', { token: second.token }, alice),
    );
    expect(retry.deleted).toEqual({ sessions: 0, documents: { notes: 0, photos: 0 }, files: 0 });

    const again = dataOf(await fx.call<LoginResponse>('login', {}, alice));
    expect(again.isNewUser).toBe(true);
    expect(again.user).toMatchObject({ loginCount: 1, nickName: '', avatarUrl: '', roles: [] });
  });

  test("another user's uploaded file survives a deletion whose avatarUrl pointed at it", async () => {
    const bobSession = await login(fx, bob);
    const bobFile = await uploadAvatarAs(fx, bob, bobSession.token);
    await setAvatar(fx, bobSession.token, bob, bobFile);
    const carolSession = await login(fx, carol);
    const claim = { token: carolSession.token, profile: { avatarUrl: bobFile } };
    expect(errorOf(await fx.call('updateUserInfo', claim, carol)).details).toMatchObject({
      reason: 'not_owned',
    });
    const result = dataOf(
      await fx.call<DeleteAccountResponse>('deleteAccount', { token: carolSession.token }, carol),
    );
    expect(result.deleted.files).toBe(0);
    expect(await fileExists(fx, bobFile)).toBe(true);
  });

  test('replacing an avatar deletes the old file this account uploaded, not the new one', async () => {
    const { token } = await login(fx, bob);
    const old = await uploadAvatarAs(fx, bob, token);
    const next = await uploadAvatarAs(fx, bob, token);
    await setAvatar(fx, token, bob, old);
    await setAvatar(fx, token, bob, next);
    expect(await fileExists(fx, old)).toBe(false);
    expect(await fileExists(fx, next)).toBe(true);
  });

  test('needs a valid session to start; a bad token deletes nothing', async () => {
    await login(fx, carol);
    const before = await fx.documents('sessions', { openid: carol.openid });
    expect(errorOf(await fx.call('deleteAccount', { token: 'f'.repeat(64) }, carol)).code).toBe(
      'SESSION_INVALID',
    );
    expect(errorOf(await fx.call('deleteAccount', {}, carol)).code).toBe('INVALID_ARGUMENT');
    expect(await fx.documents('sessions', { openid: carol.openid })).toEqual(before);
    expect(await fx.documents('users', { _id: carol.openid })).toHaveLength(1);
  });
});

describe('deleteAccount under --db-fault-rate 0.3', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ACCOUNT_DATA_COLLECTIONS: 'notes' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test.each(['before', 'after'] as const)(
    'a deletion retried by the client ends complete (faults %s execution)',
    async (when) => {
      const user = { openid: `o-fault-${when}` };
      const { token } = await login(fx, user);
      await login(fx, user);
      const file = await uploadAvatarAs(fx, user, token);
      await setAvatar(fx, token, user, file);
      for (let i = 0; i < 5; i += 1) await clientInsert(fx, 'notes', user, { i });
      const faultsBefore = fx.emulator.database.stats().faultsInjected;
      fx.emulator.database.setFaults({ faultRate: 0.3, when });
      let attempts = 0;
      try {
        const outcome = await retryInternal(
          () => fx.call<DeleteAccountResponse>('deleteAccount', { token }, user),
          300,
        );
        attempts = outcome.attempts;
        expect(outcome.envelope.ok).toBe(true);
      } finally {
        fx.emulator.database.setFaults({ faultRate: 0, when: 'before' });
      }
      const faults = fx.emulator.database.stats().faultsInjected - faultsBefore;
      console.info(
        `deleteAccount, faultRate 0.3 ${when} execution: complete after ${attempts} attempt(s), ${faults} fault(s) injected`,
      );
      expect(await fx.documents('users', { _id: user.openid })).toHaveLength(0);
      expect(await fx.documents('users', { _id: `account:${user.openid}` })).toHaveLength(0);
      expect(await fx.documents('sessions', { openid: user.openid })).toHaveLength(0);
      expect(await fx.documents('notes', { _openid: user.openid })).toHaveLength(0);
      expect(await fileExists(fx, file)).toBe(false);
      const deletedEntries = (
        await fx.documents('audit_log', { action: 'account.deleted' })
      ).filter((e) =>
        String(e._id).includes(String((e as { subject: string }).subject).slice(0, 32)),
      );
      expect(deletedEntries.length).toBeGreaterThanOrEqual(1);
      const again = dataOf(await fx.call<LoginResponse>('login', {}, user));
      expect(again).toMatchObject({ isNewUser: true, user: { loginCount: 1, avatarUrl: '' } });
    },
    120_000,
  );
});
