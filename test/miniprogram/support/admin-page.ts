/**
 * Shared setup of the admin page suites: users created through the real login and
 * updateUserInfo functions, so each has an open session and audit entries of their own.
 */
import { newOpenid } from './counting-cloud';
import type { PageSuite } from './page-suite';

/** Logs a fresh user in through the suite's bridge and gives them a nickname; their OPENID. */
export async function userNamed(suite: PageSuite, nickName: string): Promise<string> {
  suite.bridge.openid = newOpenid('member');
  const login = (await suite.bridge.callFunction({ name: 'login', data: {} })).result as {
    data: { token: string };
  };
  await suite.bridge.callFunction({
    name: 'updateUserInfo',
    data: { token: login.data.token, profile: { nickName } },
  });
  return suite.bridge.openid;
}
