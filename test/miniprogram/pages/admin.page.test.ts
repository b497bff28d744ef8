/**
 * @jest-environment jsdom
 *
 * The admin page (pages/admin) rendered from its real WXML, bound to the real adminUsers in the
 * emulator. The admin role is granted the documented way: the console adds the account record
 * users/account:<OPENID> with roles ["admin"] (here through the emulator console's own API).
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { userNamed as userNamedIn } from '../support/admin-page';
import { consoleAdd as consoleAddTo } from '../support/console-add';
import { newOpenid } from '../support/counting-cloud';
import { renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('admin', 'admin');

const consoleAdd = (doc: object) => consoleAddTo(suite.emulator.url, 'users', doc);

const userNamed = (nickName: string) => userNamedIn(suite, nickName);

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

  test('a user without the admin role sees 仅管理员可用, not the users, and no search box', async () => {
    const page = await openAdminPage(false);
    await waitFor(() => textOf(page, '.admin-only') !== null, 'the refusal');
    expect(textOf(page, '.admin-only')).toContain('仅管理员可用');
    expect(rows(page)).toHaveLength(0);
    expect(page.querySelector('.search')).toBeFalsy();
  });

  test('an admin acting on their own account is told why the server refused', async () => {
    const page = await openAdminPage(true);
    const self = suite.bridge.openid;
    page.querySelector('.query')!.dispatchEvent('input', { detail: { value: self } });
    page.querySelector('.search-button')!.dispatchEvent('tap');
    await waitFor(() => rows(page).length === 1 && textOf(page, '.openid') === self, 'own row');
    suite.wx.modalConfirms = true;
    page.querySelector('.disable')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.message') !== null, 'the refusal');
    expect(textOf(page, '.message')).toBe('不能停用自己的账号');
    page.querySelector('.toggle-admin')!.dispatchEvent('tap');
    await waitFor(
      () => textOf(page, '.message') === '不能取消自己的管理员角色',
      'the roles refusal',
    );
  });

  test('a search answered before the first list keeps its result (the latest request wins)', async () => {
    const target = await userNamed('晚到的列表');
    await userNamed('其他用户');
    // The page's first list call runs on the server, but its reply arrives only after the search's.
    const releaseFirstList = suite.wx.cloud.holdNextReply('adminUsers');
    const page = await openAdminPage(true);
    page.querySelector('.query')!.dispatchEvent('input', { detail: { value: target } });
    page.querySelector('.search-button')!.dispatchEvent('tap');
    await waitFor(
      () => rows(page).length === 1 && textOf(page, '.openid') === target,
      'the search result',
    );
    await waitFor(() => suite.wx.cloud.settled('adminUsers') === 2, 'the server to answer both');
    releaseFirstList();
    // The held reply reaches the page through promise callbacks only: one macrotask drains them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows(page)).toHaveLength(1);
    expect(textOf(page, '.openid')).toBe(target);
  });

  test('设为管理员 asks first; cancelling grants nothing', async () => {
    const target = await userNamed('候选管理员');
    const page = await openAdminPage(true);
    page.querySelector('.query')!.dispatchEvent('input', { detail: { value: target } });
    page.querySelector('.search-button')!.dispatchEvent('tap');
    await waitFor(() => rows(page).length === 1 && textOf(page, '.openid') === target, 'the row');
    suite.wx.modalConfirms = false;
    suite.wx.cloud.reset();
    page.querySelector('.toggle-admin')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
    expect((suite.wx.callsOf('showModal')[0] as { title: string }).title).toBe('设为管理员');
    expect(suite.wx.cloud.calls).toEqual([]);
    suite.wx.modalConfirms = true;
  });
});
