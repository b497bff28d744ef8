import type { UpdateUserInfoResponse } from '../../contract/src';
import { EJSON } from 'bson';
import { MSG_SEC_CHECK_RISKY_WORD } from '../../emulator/src';
import { uploadAvatarAs } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login, roundTrips } from './support/users';

const alice = { openid: 'o-alice' };
const bob = { openid: 'o-bob' };

/** The stored user as canonical Extended JSON: compared byte for byte. */
async function storedUser(fx: FunctionsHarness, openid: string): Promise<string> {
  const [doc] = await fx.documents('users', { _id: openid });
  return EJSON.stringify(doc, { relaxed: false });
}

const LONG = (n: number, c = 'a') => c.repeat(n);

/** [label, profile, field named in details]: every one must be INVALID_ARGUMENT. */
const INVALID: Array<[string, unknown, string]> = [
  ['profile missing', undefined, 'profile'],
  ['profile null', null, 'profile'],
  ['profile a string', 'nick', 'profile'],
  ['profile an array', [{ nickName: 'a' }], 'profile'],
  ['profile empty', {}, 'profile'],
  ['unknown key', { nickname: 'a' }, 'profile.nickname'],
  ['unknown key next to a valid one', { nickName: 'ok', isAdmin: true }, 'profile.isAdmin'],
  ['$-prefixed key', { $set: { loginCount: 0 } }, 'profile.$set'],
  ['$-prefixed key $inc', { $inc: { loginCount: 1 } }, 'profile.$inc'],
  ['dotted key', { 'activeSessions.x': 1 }, 'profile.activeSessions.x'],
  ['dotted profile key', { 'nickName.x': 'a' }, 'profile.nickName.x'],
  ['_id', { _id: 'o-bob' }, 'profile._id'],
  ['_openid', { _openid: 'o-bob' }, 'profile._openid'],
  ['__proto__', JSON.parse('{"__proto__": {"polluted": true}}'), 'profile.__proto__'],
  ['constructor', { constructor: { prototype: {} } }, 'profile.constructor'],
  ['loginCount', { loginCount: 999 }, 'profile.loginCount'],
  ['createdAt', { createdAt: 0 }, 'profile.createdAt'],
  ['nickName a number', { nickName: 42 }, 'profile.nickName'],
  ['nickName null', { nickName: null }, 'profile.nickName'],
  ['nickName an object', { nickName: { $gt: '' } }, 'profile.nickName'],
  ['nickName empty', { nickName: '' }, 'profile.nickName'],
  ['nickName only spaces', { nickName: '   ' }, 'profile.nickName'],
  ['nickName 33 characters', { nickName: LONG(33) }, 'profile.nickName'],
  ['nickName 33 emoji', { nickName: LONG(33, '😀') }, 'profile.nickName'],
  ['nickName with a newline', { nickName: 'a\nb' }, 'profile.nickName'],
  ['nickName with NUL', { nickName: 'a\u0000b' }, 'profile.nickName'],
  ['nickName with DEL', { nickName: 'a\u007fb' }, 'profile.nickName'],
  ['avatarUrl http', { avatarUrl: 'http://example.com/a.png' }, 'profile.avatarUrl'],
  ['avatarUrl javascript:', { avatarUrl: 'javascript:alert(1)' }, 'profile.avatarUrl'],
  ['avatarUrl wxfile temp path', { avatarUrl: 'wxfile://tmp_abc.png' }, 'profile.avatarUrl'],
  ['avatarUrl bare scheme', { avatarUrl: 'https://' }, 'profile.avatarUrl'],
  ['avatarUrl bare cloud scheme', { avatarUrl: 'cloud://' }, 'profile.avatarUrl'],
  ['avatarUrl too long', { avatarUrl: `https://a.cn/${LONG(1012)}` }, 'profile.avatarUrl'],
  ['avatarUrl with a space', { avatarUrl: 'https://a.cn/x y.png' }, 'profile.avatarUrl'],
  ['avatarUrl with credentials', { avatarUrl: 'https://u:p@a.cn/x.png' }, 'profile.avatarUrl'],
  ['avatarUrl a number', { avatarUrl: 1 }, 'profile.avatarUrl'],
  ['gender 3', { gender: 3 }, 'profile.gender'],
  ['gender -1', { gender: -1 }, 'profile.gender'],
  ['gender 1.5', { gender: 1.5 }, 'profile.gender'],
  ['gender a string', { gender: '1' }, 'profile.gender'],
  ['gender a boolean', { gender: true }, 'profile.gender'],
  ['country 65 characters', { country: LONG(65) }, 'profile.country'],
  ['province 65 characters', { province: LONG(65) }, 'profile.province'],
  ['city 65 characters', { city: LONG(65) }, 'profile.city'],
  ['city a number', { city: 10 }, 'profile.city'],
  ['city with a tab', { city: 'a\tb' }, 'profile.city'],
  ['language 17 characters', { language: LONG(17) }, 'profile.language'],
  ['language an array', { language: ['zh_CN'] }, 'profile.language'],
  ['valid field then a bad one', { nickName: 'fine', gender: 7 }, 'profile.gender'],
];

describe('updateUserInfo', () => {
  let fx: FunctionsHarness;
  let token: string;
  beforeAll(async () => {
    fx = await startFunctions();
    token = (await login(fx, alice)).token;
    await login(fx, bob);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('stores only the given, trimmed fields of the caller: 2 reads + 3 writes (user, account record, audit)', async () => {
    const bobBefore = await storedUser(fx, bob.openid);
    const avatar = await uploadAvatarAs(fx, alice, token);
    const { envelope, requestId } = await fx.callWithId<UpdateUserInfoResponse>(
      'updateUserInfo',
      {
        token,
        profile: {
          nickName: '  小明 😀 ',
          avatarUrl: avatar,
          gender: 1,
        },
      },
      alice,
    );
    const { user } = dataOf(envelope);
    expect(user).toMatchObject({ nickName: '小明 😀', gender: 1, city: '', loginCount: 1 });
    // Session + user (with the account record, which lists the upload paths) in parallel; the
    // account record then keeps the saved file.
    expect(roundTrips(fx.dbCalls(requestId))).toEqual({ reads: 2, writes: 3 });
    const [stored] = await fx.documents<Record<string, unknown>>('users', { _id: alice.openid });
    expect(stored).toMatchObject({
      nickName: '小明 😀',
      avatarUrl: avatar,
    });
    expect(await storedUser(fx, bob.openid)).toBe(bobBefore);

    const next = dataOf(
      await fx.call<UpdateUserInfoResponse>(
        'updateUserInfo',
        { token, profile: { city: 'Shenzhen', avatarUrl: 'https://thirdwx.qlogo.cn/a/132' } },
        alice,
      ),
    );
    expect(next.user).toMatchObject({ nickName: '小明 😀', city: 'Shenzhen', gender: 1 });
  });

  test('event identity is ignored: the caller’s own document is the only one written', async () => {
    const bobBefore = await storedUser(fx, bob.openid);
    const reply = await fx.call<UpdateUserInfoResponse>(
      'updateUserInfo',
      { token, openid: bob.openid, _openid: bob.openid, profile: { language: 'zh_CN' } },
      alice,
    );
    expect(dataOf(reply).user.language).toBe('zh_CN');
    expect(await storedUser(fx, bob.openid)).toBe(bobBefore);
  });

  test(`${INVALID.length} invalid profiles: INVALID_ARGUMENT naming the field, user byte-for-byte unchanged`, async () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(30);
    const before = await storedUser(fx, alice.openid);
    for (const [label, profile, field] of INVALID) {
      const error = errorOf(await fx.call('updateUserInfo', { token, profile }, alice));
      const unchanged = (await storedUser(fx, alice.openid)) === before;
      expect({ label, code: error.code, field: error.details?.field, unchanged }).toEqual({
        label,
        code: 'INVALID_ARGUMENT',
        field,
        unchanged: true,
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  test('a nickname the platform judges risky (security.msgSecCheck) is refused; nothing is written', async () => {
    const checks = () => fx.emulator.openapi.stats()['security.msgSecCheck']?.calls ?? 0;
    const before = await storedUser(fx, alice.openid);
    const callsBefore = checks();
    const risky = await fx.call(
      'updateUserInfo',
      { token, profile: { nickName: `小${MSG_SEC_CHECK_RISKY_WORD}`, city: 'Risky' } },
      alice,
    );
    expect(errorOf(risky)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'profile.nickName', reason: 'risky_content' },
    });
    expect(await storedUser(fx, alice.openid)).toBe(before);

    const fine = await fx.call<UpdateUserInfoResponse>(
      'updateUserInfo',
      { token, profile: { nickName: '小明' } },
      alice,
    );
    expect(dataOf(fine).user.nickName).toBe('小明');
    // One platform call each; a profile without a nickname costs none.
    await fx.call('updateUserInfo', { token, profile: { city: 'Shenzhen' } }, alice);
    expect(checks() - callsBefore).toBe(2);
  });

  test('session errors and UNAUTHENTICATED', async () => {
    const profile = { nickName: 'x' };
    const bobs = await fx.call('updateUserInfo', { token, profile }, bob);
    expect(errorOf(bobs).code).toBe('SESSION_INVALID');
    const unknown = await fx.call('updateUserInfo', { token: 'b'.repeat(64), profile }, alice);
    expect(errorOf(unknown).code).toBe('SESSION_INVALID');
    const noToken = await fx.call('updateUserInfo', { profile }, alice);
    expect(errorOf(noToken)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'token' },
    });
    const anonymous = await fx.callWithoutOpenid('updateUserInfo', { token, profile });
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
  });
});
