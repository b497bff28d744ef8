/**
 * Issue 21 item 7: an admin from ADMIN_OPENIDS cannot be disabled, demoted or deleted by another
 * admin; targets are OPENIDs (an account record's id `account:<x>` is refused); users can be
 * found by their bound phone number.
 */
import type { AdminListResponse, BindPhoneNumberResponse } from '../../contract/src';
import { clientDb } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const root = { openid: 'o-root' };
const deputy = { openid: 'o-deputy' };
const user = { openid: 'o-plain' };

describe('adminUsers guards (ADMIN_OPENIDS=o-root)', () => {
  let fx: FunctionsHarness;
  let rootToken: string;
  let deputyToken: string;
  const asDeputy = (data: Record<string, unknown>) =>
    fx.call('adminUsers', { token: deputyToken, ...data }, deputy);

  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: 'o-root' });
    rootToken = (await login(fx, root)).token;
    deputyToken = (await login(fx, deputy)).token;
    await login(fx, user);
    dataOf(
      await fx.call(
        'adminUsers',
        { token: rootToken, action: 'setRoles', openid: deputy.openid, roles: ['admin'] },
        root,
      ),
    );
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test.each([
    ['disable', { action: 'setStatus', status: 'disabled' }],
    ['demote', { action: 'setRoles', roles: [] }],
    ['delete', { action: 'delete' }],
  ])('another admin cannot %s an ADMIN_OPENIDS admin', async (_name, action) => {
    const error = errorOf(await asDeputy({ ...action, openid: root.openid }));
    expect(error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { reason: 'configured_admin' },
    });
    expect(dataOf(await fx.call('checkSession', { token: rootToken }, root))).toMatchObject({
      valid: true,
    });
    expect(await fx.documents('users', { _id: root.openid })).toHaveLength(1);
  });

  test.each(['setStatus', 'setRoles', 'get', 'delete'])(
    '%s refuses an account record id as the target',
    async (action) => {
      const reply = await asDeputy({
        action,
        openid: `account:${user.openid}`,
        status: 'disabled',
        roles: ['admin'],
      });
      expect(errorOf(reply)).toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { field: 'openid', reason: 'not_allowed' },
      });
    },
  );

  test('users are found by part of their bound phone number, never by one their client wrote', async () => {
    const faker = { openid: 'o-phone-faker' };
    await login(fx, faker);
    await clientDb(fx, faker)
      .collection('users')
      .doc(faker.openid)
      .update({ data: { phone: { countryCode: '86', number: '13812345678', boundAt: 1 } } });
    const { token } = await login(fx, user);
    const { code } = fx.emulator.openapi.phoneCodes.issue({
      openid: user.openid,
      phoneNumber: '13912345678',
    });
    dataOf(await fx.call<BindPhoneNumberResponse>('bindPhoneNumber', { token, code }, user));
    const found = dataOf(
      await fx.call<AdminListResponse>(
        'adminUsers',
        { token: rootToken, action: 'list', query: '12345' },
        root,
      ),
    );
    expect(found.users.map((u) => u.openid)).toEqual([user.openid]);
  });
});
