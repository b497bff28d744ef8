/**
 * @jest-environment jsdom
 *
 * The admin page (pages/admin) rendered from its real WXML, bound to the real adminUsers in the
 * emulator. The admin role is granted the documented way: the console adds the account record
 * users/account:<OPENID> with roles ["admin"] (here through the emulator console's own API).
 */
import { appSession, installSession } from '../../../miniprogram/lib/app-session';
import { consoleAdd as consoleAddTo } from '../support/console-add';
import { newOpenid } from '../support/counting-cloud';
import { renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('admin', 'admin');

const consoleAdd = (doc: object) => consoleAddTo(suite.emulator.url, 'users', doc);

/** Logs a user in through the bridge and gives them a nickname. */
async function userNamed(nickName: string): Promise<string> {
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

async function openAdminPage(asAdmin: boolean): Promise<RenderedPage> {
  suite.bridge.openid = newOpenid('admin');
  if (asAdmin) await consoleAdd({ _id: `account:${suite.bridge.openid}`, roles: ['admin'] });
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  return renderPage(suite.pageId);
}

const rows = (page: RenderedPage) => page.querySelectorAll('.user');

describe('admin page', () => {
  test('an admin searches users by nickname and disables one: that user can no longer log in', async () => {
    const target = await userNamed('被管理的用户');
    await userNamed('另一个用户');
    const page = await openAdminPage(true);
    await waitFor(() => rows(page).length >= 3, 'the user list');
    page.querySelector('.query')!.dispatchEvent('input', { detail: { value: '被管理' } });
    page.querySelector('.search-button')!.dispatchEvent('tap');
    await waitFor(() => rows(page).length === 1, 'the search result');
    expect(textOf(page, '.openid')).toBe(target);
    expect(textOf(page, '.status')).toBe('正常');

    suite.wx.modalConfirms = true;
    page.querySelector('.disable')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.status') === '已停用', 'the disabled status');
    expect(suite.wx.callsOf('showModal')).toHaveLength(1);

    suite.bridge.openid = target;
    const login = (await suite.bridge.callFunction({ name: 'login', data: {} })).result;
    expect(login).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  test('a user without the admin role sees the refusal, not the users', async () => {
    const page = await openAdminPage(false);
    await waitFor(() => textOf(page, '.message') !== null, 'the refusal');
    expect(textOf(page, '.message')).toContain('没有权限');
    expect(rows(page)).toHaveLength(0);
  });
});
