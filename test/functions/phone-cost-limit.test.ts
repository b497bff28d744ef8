/**
 * Issue 21 items 5 and 6 (phone): the daily limit on billed phone exchanges survives deleting
 * the account and logging in again, and a client cannot reset it, nor squat a number so that
 * its owner gets PHONE_IN_USE.
 */
import type { BindPhoneNumberResponse, DeleteAccountResponse } from '../../contract/src';
import { clientDb, clientInsert } from './support/account';
import {
  dataOf,
  errorOf,
  startFunctions,
  type Caller,
  type FunctionsHarness,
} from './support/harness';
import { login } from './support/users';

const MAX = 3;

function bind(fx: FunctionsHarness, caller: Caller, token: string, phoneNumber: string) {
  const { code } = fx.emulator.openapi.phoneCodes.issue({ openid: caller.openid, phoneNumber });
  return fx.call<BindPhoneNumberResponse>('bindPhoneNumber', { token, code }, caller);
}

const billed = (fx: FunctionsHarness) =>
  fx.emulator.openapi.stats()['phonenumber.getPhoneNumber']?.calls ?? 0;

describe(`phone exchange limit (PHONE_BIND_MAX_PER_DAY=${MAX})`, () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ PHONE_BIND_MAX_PER_DAY: String(MAX) });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('deleting the account and logging in again does not reset it', async () => {
    const user = { openid: 'o-resetter' };
    const before = billed(fx);
    for (let round = 0; round < 3; round += 1) {
      const { token } = await login(fx, user);
      for (let i = 0; i < MAX; i += 1) await bind(fx, user, token, `1390000${round}${i}00`);
      dataOf(await fx.call<DeleteAccountResponse>('deleteAccount', { token }, user));
    }
    expect(billed(fx) - before).toBe(MAX);
  });

  test('a client cannot reset its own counter from the client database', async () => {
    const user = { openid: 'o-counter-reset' };
    const { token } = await login(fx, user);
    const before = billed(fx);
    for (let i = 0; i < MAX + 2; i += 1) {
      await bind(fx, user, token, `1370000000${i}`);
      // The user document carries the caller's `_openid`: the default permission lets it write.
      await clientDb(fx, user)
        .collection('users')
        .doc(user.openid)
        .update({ data: { phoneExchanges: [] } })
        .catch(() => undefined);
    }
    expect(billed(fx) - before).toBe(MAX);
    expect(errorOf(await bind(fx, user, token, '13700000099')).code).toBe('RATE_LIMITED');
  });

  test('a number squatted from the client database does not block its owner', async () => {
    const owner = { openid: 'o-number-owner' };
    const squatter = { openid: 'o-squatter' };
    await clientInsert(fx, 'phones', squatter, {
      _id: '86-13600000000',
      owner: squatter.openid,
      countryCode: '86',
      number: '13600000000',
      boundAt: 1,
    });
    const { token } = await login(fx, owner);
    const { user } = dataOf(await bind(fx, owner, token, '13600000000'));
    expect(user.phone).toMatchObject({ number: '13600000000' });
    const [claim] = await fx.documents('phones', { _id: '86-13600000000' });
    expect(claim).toMatchObject({ owner: owner.openid });
    expect(claim).not.toHaveProperty('_openid');
  });
});
