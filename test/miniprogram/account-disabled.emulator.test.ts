/**
 * A ban seen from the phone: the session manager against the emulator with the real built
 * functions. An admin disables the user (adminUsers setStatus, the admin role granted by the
 * documented console step); the user's next authenticated call rejects with ACCOUNT_DISABLED and
 * its Chinese message, and neither that call nor the next one tries to log in again (a login would
 * be refused too, so retrying it would loop).
 */
import type { RunningEmulator } from '../../emulator/src/index';
import { CLIENT_ERROR_MESSAGES, CloudCallError } from '../../client/src/lib/cloud-error';
import { SessionManager } from '../../client/src/lib/session/session-manager';
import { bridgeFor, countingCloud, memoryStorage, newOpenid } from './support/counting-cloud';
import { startRepoEmulator } from './support/emulator';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startRepoEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

/** 添加文档 in the console: the account record that grants the admin role. */
async function consoleAdd(doc: object): Promise<void> {
  const response = await fetch(`${emulator.url}/api/collections/users/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  if (response.status !== 200) throw new Error(`console insert: ${response.status}`);
}

function manager(openid: string) {
  const cloud = countingCloud(bridgeFor(emulator, openid));
  const session = new SessionManager({
    cloud,
    storage: memoryStorage(),
    sleep: async () => undefined,
  });
  return { cloud, session };
}

test('ACCOUNT_DISABLED from an authenticated call: the message, no re-login loop', async () => {
  const userOpenid = newOpenid('banned');
  const user = manager(userOpenid);
  // The first login also creates the users collection the console adds to.
  await user.session.ensureLogin();
  const adminOpenid = newOpenid('ban-admin');
  await consoleAdd({ _id: `account:${adminOpenid}`, roles: ['admin'] });
  const admin = manager(adminOpenid);

  // A variable, not a literal: WithoutToken of the request union keeps only the common keys.
  const ban = { action: 'setStatus' as const, openid: userOpenid, status: 'disabled' as const };
  await admin.session.callAuthenticated('adminUsers', ban);

  user.cloud.reset();
  const error = await user.session
    .callAuthenticated('checkSession', { withUser: true })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CloudCallError);
  expect((error as CloudCallError).code).toBe('ACCOUNT_DISABLED');
  expect((error as CloudCallError).message).toBe(CLIENT_ERROR_MESSAGES.ACCOUNT_DISABLED);
  expect((error as CloudCallError).message).toBe('账号已被停用，如有疑问请联系客服');
  // One call, no login after it.
  expect(user.cloud.calls).toEqual(['checkSession']);

  // The phone forgot the session and shows the ban; a second call fails at once, without the
  // network: nothing loops into login (only the user's 重新登录 asks the server again).
  expect(user.session.getSnapshot()).toMatchObject({ status: 'disabled', session: null });
  user.cloud.reset();
  await expect(
    user.session.callAuthenticated('checkSession', { withUser: true }),
  ).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
  expect(user.cloud.calls).toEqual([]);
});
