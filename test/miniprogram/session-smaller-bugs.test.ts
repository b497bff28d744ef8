/**
 * Smaller session bugs found in review (issue 26, item 7), with a scripted wx.cloud whose
 * answers the test releases by hand: 登录 right after 退出登录, a launch check answering after a
 * profile save, and the full phone number kept on the phone.
 */
import { success, type PublicUser } from '../../contract/src/index';
import type { CloudFunctionCaller } from '../../client/src/lib/call';
import { memoryStorage } from './support/counting-cloud';
import { manager, NOW, USER } from './support/scripted-cloud';

/**
 * A wx.cloud whose every call waits until the test answers it. A test answers every call it
 * causes: one left unanswered keeps the client's timeout timer (call.ts) running after the
 * test, and the jest worker with it.
 */
function heldCloud() {
  const held: Array<{ name: string; data?: object; answer: (result: unknown) => void }> = [];
  const cloud: CloudFunctionCaller = {
    callFunction: ({ name, data }) =>
      new Promise((resolve) => held.push({ name, data, answer: (result) => resolve({ result }) })),
  };
  /** Answers the oldest unanswered call of `name`. */
  const answer = async (name: string, result: unknown) => {
    for (let i = 0; i < 20 && !held.some((c) => c.name === name); i += 1) await Promise.resolve();
    const index = held.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`no ${name} call is waiting`);
    held.splice(index, 1)[0]!.answer(result);
  };
  return { cloud, held, answer };
}

const loginAnswer = (token: string, user: PublicUser = USER) =>
  success({ token, expiresAt: NOW + 86_400_000, user, isNewUser: false });

it('登录 right after 退出登录 starts a new login instead of joining the doomed one', async () => {
  const { cloud, held, answer } = heldCloud();
  const { session } = manager(cloud);
  const first = session.login();
  void session.logout(); // while the first login is in flight
  const second = session.login(); // the user taps 登录 at once
  expect(held.map((c) => c.name)).toEqual(['login', 'login']);
  await answer('login', loginAnswer('token-old'));
  await expect(first).rejects.toMatchObject({ code: 'LOGGED_OUT' });
  // The doomed login's session is ended on the server too, so it does not count against the cap.
  expect(held.find((c) => c.name === 'logout')?.data).toEqual({
    scope: 'current',
    token: 'token-old',
  });
  await answer('logout', success({ revoked: 1 }));
  await answer('login', loginAnswer('token-new'));
  await expect(second).resolves.toMatchObject({ token: 'token-new' });
  expect(session.getSnapshot()).toMatchObject({ status: 'logged-in' });
  expect(session.current()?.token).toBe('token-new');
  expect(held).toEqual([]);
});

it('a launch checkSession answering after a profile save does not bring the old profile back', async () => {
  const { cloud, answer } = heldCloud();
  let now = NOW;
  const { session } = manager(cloud, { now: () => now });
  const login = session.ensureLogin();
  await answer('login', loginAnswer('token-1'));
  await login;
  now += 10 * 60_000; // the launch check is due
  const refresh = session.refresh(); // checkSession leaves with the profile as it is now
  session.setUser({ ...USER, nickName: '刚保存的昵称' }); // updateUserInfo answered first
  await answer(
    'checkSession',
    success({ valid: true, expiresAt: NOW + 2 * 86_400_000, user: USER }),
  );
  await refresh;
  expect(session.current()?.user.nickName).toBe('刚保存的昵称');
  expect(session.current()?.expiresAt).toBe(NOW + 2 * 86_400_000); // the renewal still counts
});

it('the phone number is stored masked on the phone, never in full', async () => {
  const { cloud, answer } = heldCloud();
  const storage = memoryStorage();
  const { session } = manager(cloud, { storage });
  const phone = { countryCode: '86', number: '13800138000', boundAt: NOW };
  const login = session.ensureLogin();
  await answer('login', loginAnswer('token-1', { ...USER, phone }));
  await login;
  expect(JSON.stringify([...storage.data.values()])).not.toContain('13800138000');
  expect(session.current()?.user.phone?.number).toBe('138****8000');
  session.setUser({ ...USER, phone: { ...phone, number: '13900139000' } });
  expect(JSON.stringify([...storage.data.values()])).not.toContain('13900139000');
});
