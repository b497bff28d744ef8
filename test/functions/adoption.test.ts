/**
 * Issue 21 item 6: nothing a client wrote is adopted as account state. Under the console's
 * default permission a client can add `users/<another OPENID>` before that user's first login.
 */
import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import { clientDb, clientInsert } from './support/account';
import { dataOf, startFunctions, type FunctionsHarness } from './support/harness';

const victim = { openid: 'o-first-timer' };
const attacker = { openid: 'o-planter' };

describe('a user document planted by another client', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('is not adopted by the first login: the user starts fresh and the planter loses access', async () => {
    await clientInsert(fx, 'users', attacker, {
      _id: victim.openid,
      nickName: '冒名',
      loginCount: 99,
      phone: { countryCode: '86', number: '13500000000', boundAt: 1 },
      activeSessions: {},
    });
    const first = dataOf(await fx.call<LoginResponse>('login', {}, victim));
    expect(first.isNewUser).toBe(true);
    expect(first.user).toMatchObject({ nickName: '', loginCount: 1, phone: null });
    const [stored] = await fx.documents<Record<string, unknown>>('users', { _id: victim.openid });
    expect(stored).toMatchObject({ _openid: victim.openid, nickName: '' });
    expect(stored).not.toHaveProperty('phone.number');
  });

  test("the owner's own client cannot give itself a bound phone (or any account state) in its user document", async () => {
    const owner = { openid: 'o-self-verifier' };
    const { token } = dataOf(await fx.call<LoginResponse>('login', {}, owner));
    // Console default 仅创建者可读写: the document carries the owner's `_openid`, so its
    // client may update it before the project's rules are applied.
    await clientDb(fx, owner)
      .collection('users')
      .doc(owner.openid)
      .update({
        data: {
          phone: { countryCode: '86', number: '13500000001', boundAt: 1 },
          phoneRev: 7,
          roles: ['admin'],
          status: 'active',
        },
      });
    const checked = dataOf(
      await fx.call<CheckSessionResponse>('checkSession', { token, withUser: true }, owner),
    );
    expect(checked.user).toMatchObject({ phone: null, roles: [] });
    const again = dataOf(await fx.call<LoginResponse>('login', {}, owner));
    expect(again.user).toMatchObject({ phone: null, roles: [] });
  });
});
