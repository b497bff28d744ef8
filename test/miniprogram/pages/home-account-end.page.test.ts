/**
 * @jest-environment jsdom
 *
 * How an account's end shows on pages/index (issue 26, item 4), rendered from its real WXML: an
 * admin disables the user in the emulator (real adminUsers), the user's next check is refused,
 * and the home page says 账号已停用 with a way to reach the operator, instead of a login failure
 * with 重试; after 注销 it says the account was deleted, not 你已退出登录, also after a cold start.
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { consoleAdd } from '../support/console-add';
import { bridgeFor, newOpenid } from '../support/counting-cloud';
import { fire, renderPage, textOf } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('index', 'account-end');

/** 添加文档 in the console (the documented way to grant the first admin), then the ban itself. */
async function ban(openid: string): Promise<void> {
  const adminOpenid = newOpenid('ban-admin');
  await consoleAdd(suite.emulator.url, 'users', {
    _id: `account:${adminOpenid}`,
    roles: ['admin'],
  });
  const admin = bridgeFor(suite.emulator, adminOpenid);
  const { result: login } = (await admin.callFunction({ name: 'login', data: {} })) as {
    result: { data: { token: string } };
  };
  const data = { token: login.data.token, action: 'setStatus', openid, status: 'disabled' };
  const { result } = await admin.callFunction({ name: 'adminUsers', data });
  expect(result).toMatchObject({ ok: true });
}

test('a banned user sees 账号已停用 and a contact button; the session is gone from the phone', async () => {
  suite.bridge.openid = newOpenid('banned');
  installSession();
  await appSession().ensureLogin();
  const page = renderPage(suite.pageId);
  await waitFor(() => textOf(page, '.nickname') !== null, 'the logged-in page');
  await ban(suite.bridge.openid);

  suite.wx.cloud.reset();
  // The next call of any page is refused: the home page follows the session's new state.
  await expect(appSession().callAuthenticated('checkSession', {})).rejects.toMatchObject({
    code: 'ACCOUNT_DISABLED',
  });
  await waitFor(() => textOf(page, '.state-disabled') !== null, 'the disabled state');
  expect(textOf(page, '.state-disabled .title')).toBe('账号已停用');
  expect(textOf(page, '.state-disabled .hint')).toContain('联系客服');
  expect(textOf(page, '.state-disabled .contact')).toBe('联系客服');
  expect(textOf(page, '.state-failed')).toBeNull();
  expect(suite.wx.storage.has('wx-cloud-login:session')).toBe(false);
  expect(suite.wx.cloud.calls).toEqual(['checkSession']); // no login loop after the refusal

  // 重新登录 asks the server once more (the operator may have lifted the ban): still refused.
  fire(page, '.state-disabled .relogin', 'tap');
  await waitFor(() => suite.wx.cloud.settled('login') === 1, 'the login to finish');
  await waitFor(() => textOf(page, '.state-disabled') !== null, 'still disabled');
  expect(suite.wx.cloud.calls).toEqual(['checkSession', 'login']);
});

test('after 注销 the home page says the account was deleted, also after a cold start, with no call', async () => {
  suite.bridge.openid = newOpenid('deleted');
  installSession();
  await appSession().callAuthenticated('deleteAccount', {});
  appSession().accountDeleted(); // what the 注销账号 button does once the server confirmed
  suite.wx.cloud.reset();
  installSession(); // killed and reopened
  const page = renderPage(suite.pageId);
  expect(textOf(page, '.state-deleted .title')).toBe('账号已注销');
  expect(textOf(page, '.state-logged-out')).toBeNull();
  await appSession().refresh(); // what app.ts runs at launch: no silent re-registration
  expect(suite.wx.cloud.calls).toEqual([]);
});

test('the 用户管理 entry is hidden from non-admins and shown to admins', async () => {
  suite.bridge.openid = newOpenid('member');
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  const member = renderPage(suite.pageId);
  await waitFor(() => textOf(member, '.nickname') !== null, 'the logged-in page');
  expect(member.querySelector('.admin')).toBeFalsy();

  const adminOpenid = newOpenid('home-admin');
  await consoleAdd(suite.emulator.url, 'users', {
    _id: `account:${adminOpenid}`,
    roles: ['admin'],
  });
  suite.bridge.openid = adminOpenid;
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  const admin = renderPage(suite.pageId);
  await waitFor(() => textOf(admin, '.nickname') !== null, 'the logged-in page');
  expect(textOf(admin, '.admin')).toBe('用户管理');
});

test('我的 always links to the privacy guideline and the user agreement, logged in or not', async () => {
  suite.bridge.openid = newOpenid('legal');
  suite.wx.storage.clear();
  installSession();
  const page = renderPage(suite.pageId);
  for (const state of ['logging-in', 'logged-in']) {
    await waitFor(() => (page.data as { status: string }).status === state, state);
    expect(textOf(page, '.legal .privacy-link')).toBe('《用户隐私保护指引》');
    expect(textOf(page, '.legal .agreement-link')).toBe('《用户协议》');
  }
  suite.wx.calls.splice(0);
  fire(page, '.legal .privacy-link', 'tap');
  fire(page, '.legal .agreement-link', 'tap');
  await waitFor(() => suite.wx.callsOf('navigateTo').length === 1, 'the agreement page');
  expect(suite.wx.callsOf('openPrivacyContract')).toHaveLength(1);
  expect(suite.wx.callsOf('navigateTo')).toEqual([{ url: '/pages/agreement/index' }]);
});
