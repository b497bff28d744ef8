/**
 * Issue 21 item 3: onUserAuthorizationChange and cleanupSessions run only for the platform.
 * "No OPENID" is not proof of a platform call (web access without login, multi-platform apps,
 * HTTP access have none): these attacks come with no OPENID, or a client's SOURCE, and must
 * change nothing. A real push (the console's push route, with or without the subject's OPENID)
 * still works.
 */
import { consoleInsert } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const FN = 'onUserAuthorizationChange';
const victim = { openid: 'o-victim' };

function cancellation(openid: string) {
  return {
    ToUserName: 'gh_870882ca4b1',
    FromUserName: 'owAqB1v0ahK_Xlc7GshIDdf2yf7E',
    CreateTime: 1626857200,
    MsgType: 'event',
    Event: 'user_authorization_cancellation',
    OpenID: openid,
    AppID: 'wx13974bf780d3dc89',
  };
}

describe('platform-only functions refuse every other caller', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_CLEANUP_AFTER_DAYS: '0' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test.each([
    ['a mini program without OPENID (wx_client)', { source: 'wx_client' }],
    ['DevTools', { source: 'wx_devtools' }],
    ['local debugging', { source: 'wx_localdebug' }],
    ['the crawler', { source: 'wx_crawler' }],
    ['HTTP access', { source: 'wx_http' }],
    ['a client through another function', { source: 'wx_client,scf' }],
    ['no SOURCE at all (web access without login)', { source: '' }],
    ['a push carrying another user', { source: 'wx_message_push', openid: 'o-attacker' }],
  ])('%s cannot delete an account', async (_name, as) => {
    const { token } = await login(fx, victim);
    const error = errorOf(await fx.callAs(FN, cancellation(victim.openid), as));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(await fx.documents('users', { _id: victim.openid })).toHaveLength(1);
    expect(dataOf(await fx.call('checkSession', { token }, victim))).toMatchObject({ valid: true });
  });

  test('a real push is not refused, with no OPENID or with the subject as OPENID', async () => {
    await login(fx, victim);
    const plain = dataOf(await fx.callAs(FN, cancellation(victim.openid)));
    expect(plain).toMatchObject({ event: 'user_authorization_cancellation' });
    expect(await fx.documents('users', { _id: victim.openid })).toHaveLength(0);
    await login(fx, victim);
    const withOpenid = { source: 'wx_message_push', openid: victim.openid };
    dataOf(await fx.callAs(FN, cancellation(victim.openid), withOpenid));
    expect(await fx.documents('users', { _id: victim.openid })).toHaveLength(0);
  });

  test.each([
    ['a mini program without OPENID', { source: 'wx_client' }],
    ['HTTP access', { source: 'wx_http' }],
    ['a push', { source: 'wx_message_push' }],
    ['no SOURCE', { source: '' }],
  ])('cleanupSessions refuses %s; only its timer trigger runs it', async (_name, as) => {
    await consoleInsert(fx, 'sessions', {
      _id: `s-${Math.random().toString(36).slice(2)}`,
      openid: victim.openid,
      expiresAt: 1,
      revokedAt: null,
    });
    const before = await fx.documents('sessions');
    expect(errorOf(await fx.callAs('cleanupSessions', {}, as)).code).toBe('PERMISSION_DENIED');
    expect(await fx.documents('sessions')).toEqual(before);
    expect(dataOf(await fx.callWithoutOpenid('cleanupSessions', {}))).toMatchObject({
      deleted: before.length,
    });
  });
});
