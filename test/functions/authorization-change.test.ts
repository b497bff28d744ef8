/**
 * onUserAuthorizationChange: WeChat's 授权用户信息变更 push, through the real bundle on the
 * emulator. The push is called without an OPENID (as the platform's message push arrives); a
 * mini program user's call carries one and must change nothing.
 */
import type { BindPhoneNumberResponse } from '../../contract/src';
import { clientInsert, consoleInsert, fileExists, uploadAvatarAs } from './support/account';
import {
  dataOf,
  errorOf,
  startFunctions,
  type Caller,
  type FunctionsHarness,
} from './support/harness';
import { login } from './support/users';

const FN = 'onUserAuthorizationChange';
const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };

/** The event as the official docs show it (authorized_user_information_changes). */
function push(event: string, openid: string, revokeInfo?: string) {
  return {
    ToUserName: 'gh_870882ca4b1',
    FromUserName: 'owAqB1v0ahK_Xlc7GshIDdf2yf7E',
    CreateTime: 1626857200,
    MsgType: 'event',
    Event: event,
    OpenID: openid,
    AppID: 'wx13974bf780d3dc89',
    ...(revokeInfo === undefined ? {} : { RevokeInfo: revokeInfo }),
  };
}

interface Account {
  token: string;
  avatar: string;
  number: string;
}

async function fullAccount(fx: FunctionsHarness, caller: Caller, number: string): Promise<Account> {
  const { token } = await login(fx, caller);
  const avatar = await uploadAvatarAs(fx, caller, token);
  dataOf(
    await fx.call(
      'updateUserInfo',
      { token, profile: { avatarUrl: avatar, nickName: `昵称${caller.openid}` } },
      caller,
    ),
  );
  const { code } = fx.emulator.openapi.phoneCodes.issue({
    openid: caller.openid,
    phoneNumber: number,
  });
  dataOf(await fx.call<BindPhoneNumberResponse>('bindPhoneNumber', { token, code }, caller));
  await clientInsert(fx, 'notes', caller, { text: 'note' });
  return { token, avatar, number };
}

async function userOf(fx: FunctionsHarness, caller: Caller) {
  return (await fx.documents<Record<string, unknown>>('users', { _id: caller.openid }))[0];
}

/** The bound number as stored: in the account record, never the user document. */
async function phoneOf(fx: FunctionsHarness, caller: Caller) {
  const [record] = await fx.documents('users', { _id: `account:${caller.openid}` });
  return record?.phone ?? null;
}

/** Everything stored, for "changes nothing" checks. */
async function snapshot(fx: FunctionsHarness) {
  const parts = await Promise.all(
    ['users', 'sessions', 'phones', 'notes', 'audit_log'].map((c) => fx.documents(c)),
  );
  return JSON.stringify(parts);
}

describe('onUserAuthorizationChange (授权用户信息变更 push)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ ACCOUNT_DATA_COLLECTIONS: 'notes' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('revoke 6 (昵称和头像) clears nickname, avatar and its file; phone and sessions stay', async () => {
    const a = await fullAccount(fx, alice, '13800138001');
    const b = await fullAccount(fx, bob, '13800138002');
    const result = dataOf(
      await fx.callAs(FN, push('user_authorization_revoke', alice.openid, '6')),
    );
    expect(result).toEqual({ event: 'user_authorization_revoke', cleared: ['avatar', 'nickName'] });
    const user = await userOf(fx, alice);
    expect(user).toMatchObject({ nickName: '', avatarUrl: '' });
    expect(await phoneOf(fx, alice)).toMatchObject({ number: a.number });
    expect(await fileExists(fx, a.avatar)).toBe(false);
    const record = (await fx.documents('users', { _id: `account:${alice.openid}` }))[0];
    expect(record?.avatarFileId).toBeUndefined();
    expect(await fx.documents('phones', { owner: alice.openid })).toHaveLength(1);
    expect(dataOf(await fx.call('checkSession', { token: a.token }, alice))).toMatchObject({
      valid: true,
    });
    // Bob is untouched.
    expect(await userOf(fx, bob)).toMatchObject({
      nickName: `昵称${bob.openid}`,
      avatarUrl: b.avatar,
    });
    expect(await fileExists(fx, b.avatar)).toBe(true);
    const audit = await fx.documents<{ action: string; actor: string }>('audit_log');
    expect(audit.filter((e) => e.actor === 'wechat').map((e) => e.action)).toEqual([
      'profile.updated',
    ]);
    expect(JSON.stringify(audit)).not.toContain(alice.openid);

    // The same push again finds nothing more to clear.
    expect(
      dataOf(await fx.callAs(FN, push('user_authorization_revoke', alice.openid, '6'))),
    ).toEqual({ event: 'user_authorization_revoke', cleared: [] });
  });

  test('revoke 8 (手机号) clears the number and releases its claim; the profile stays', async () => {
    const before = await userOf(fx, bob);
    // A claim a crashed bind left behind (no number bound to it) is released too.
    await consoleInsert(fx, 'phones', {
      _id: '86-13900139000',
      owner: bob.openid,
      countryCode: '86',
      number: '13900139000',
      boundAt: Date.now(),
    });
    const result = dataOf(await fx.callAs(FN, push('user_authorization_revoke', bob.openid, '8')));
    expect(result).toEqual({ event: 'user_authorization_revoke', cleared: ['phone'] });
    const user = await userOf(fx, bob);
    expect(await phoneOf(fx, bob)).toBeNull();
    expect(user).toMatchObject({ nickName: before.nickName, avatarUrl: before.avatarUrl });
    expect(await fx.documents('phones', { owner: bob.openid })).toHaveLength(0);
    expect(await fileExists(fx, String(before.avatarUrl))).toBe(true);
  });

  test('a call from a mini program user (with an OPENID) is refused and changes nothing', async () => {
    const before = await snapshot(fx);
    for (const event of [
      push('user_authorization_cancellation', bob.openid),
      push('user_authorization_revoke', bob.openid, '6'),
      push('user_authorization_cancellation', alice.openid),
    ]) {
      expect(errorOf(await fx.call(FN, event, alice)).code).toBe('PERMISSION_DENIED');
    }
    expect(await snapshot(fx)).toBe(before);
  });

  test.each([
    [
      'no MsgType',
      { ...push('user_authorization_cancellation', bob.openid), MsgType: undefined },
      'MsgType',
    ],
    ['an unknown Event', push('user_deleted_everything', bob.openid), 'Event'],
    ['no OpenID', { ...push('user_authorization_cancellation', ''), OpenID: undefined }, 'OpenID'],
    [
      'an OpenID that is not a string',
      { ...push('user_authorization_cancellation', ''), OpenID: { $ne: '' } },
      'OpenID',
    ],
    ['a revoke without RevokeInfo', push('user_authorization_revoke', bob.openid), 'RevokeInfo'],
    [
      'a RevokeInfo that is not codes',
      push('user_authorization_revoke', bob.openid, '6;drop'),
      'RevokeInfo',
    ],
  ])('%s: INVALID_ARGUMENT naming the field, nothing changed', async (_name, event, field) => {
    const before = await snapshot(fx);
    const error = errorOf(await fx.callAs(FN, event));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details).toMatchObject({ field });
    expect(await snapshot(fx)).toBe(before);
  });

  test('cancellation (注销) deletes the account as deleteAccount does; the next login is new', async () => {
    const bobUser = await userOf(fx, bob);
    const result = dataOf(await fx.callAs(FN, push('user_authorization_cancellation', bob.openid)));
    expect(result).toEqual({
      event: 'user_authorization_cancellation',
      deleted: { sessions: 1, documents: { notes: 1 }, files: 1 },
    });
    expect(await fx.documents('users', { _id: bob.openid })).toHaveLength(0);
    expect(await fx.documents('users', { _id: `account:${bob.openid}` })).toHaveLength(0);
    expect(await fx.documents('sessions', { openid: bob.openid })).toHaveLength(0);
    expect(await fx.documents('notes', { _openid: bob.openid })).toHaveLength(0);
    expect(await fx.documents('phones', { owner: bob.openid })).toHaveLength(0);
    expect(await fileExists(fx, String(bobUser.avatarUrl))).toBe(false);
    // Alice is untouched.
    expect(await userOf(fx, alice)).toBeDefined();
    expect(await fx.documents('notes', { _openid: alice.openid })).toHaveLength(1);
    const audit = await fx.documents<{ action: string; actor: string }>('audit_log');
    expect(audit.filter((e) => e.action === 'account.deleted').map((e) => e.actor)).toEqual([
      'wechat',
    ]);
    expect(JSON.stringify(audit)).not.toContain(bob.openid);
    expect(JSON.stringify(audit)).not.toContain(`昵称${bob.openid}`);
    // A repeated push finds nothing; the next login starts a new account.
    expect(
      dataOf(await fx.callAs(FN, push('user_authorization_cancellation', bob.openid))),
    ).toEqual({
      event: 'user_authorization_cancellation',
      deleted: { sessions: 0, documents: { notes: 0 }, files: 0 },
    });
    expect((await login(fx, bob)).user.loginCount).toBe(1);
  });
});
