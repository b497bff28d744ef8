/**
 * @jest-environment jsdom
 *
 * The admin page's 详情 view (adminUsers `get`), rendered from the real WXML and bound to the
 * real adminUsers in the emulator: sessions, the audit trail with who did what, the refresh after
 * an action, a failed `get`, and replies that arrive out of order.
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { userNamed as userNamedIn } from '../support/admin-page';
import { consoleAdd as consoleAddTo } from '../support/console-add';
import { newOpenid } from '../support/counting-cloud';
import { renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('admin', 'detail');

const userNamed = (nickName: string) => userNamedIn(suite, nickName);

/** The admin page, opened by a fresh admin; resolves with the page and the admin's OPENID. */
async function openAsAdmin(): Promise<{ page: RenderedPage; admin: string }> {
  const admin = newOpenid('admin');
  suite.bridge.openid = admin;
  await consoleAddTo(suite.emulator.url, 'users', { _id: `account:${admin}`, roles: ['admin'] });
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  const page = renderPage(suite.pageId);
  await waitFor(() => page.querySelectorAll('.user').length > 0, 'the user list');
  return { page, admin };
}

/** Searches for one OPENID so the list holds that user's row only. */
async function showOnly(page: RenderedPage, openid: string): Promise<void> {
  page.querySelector('.query')!.dispatchEvent('input', { detail: { value: openid } });
  page.querySelector('.search-button')!.dispatchEvent('tap');
  await waitFor(
    () => page.querySelectorAll('.user').length === 1 && textOf(page, '.openid') === openid,
    'the row of ' + openid,
  );
}

const texts = (page: RenderedPage, selector: string) =>
  page.querySelectorAll(selector).map((el) => (el.dom?.textContent ?? '').trim());

describe("admin page: a user's detail", () => {
  test('shows sessions and the account.created entry; after 停用 the ban entry and no sessions', async () => {
    const target = await userNamed('详情用户');
    const { page, admin } = await openAsAdmin();
    await showOnly(page, target);

    page.querySelector('.open-detail')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.detail-openid') === target, 'the detail');
    expect(textOf(page, '.detail-status')).toBe('状态：正常');
    expect(textOf(page, '.detail-roles')).toBe('角色：无');
    expect(page.querySelectorAll('.session')).toHaveLength(1);
    expect(textOf(page, '.session-created')).toMatch(
      /^登录于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    expect(textOf(page, '.session-expires')).toMatch(
      /^到期 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    // Newest first is checked in detail-view.test.ts: these two may share a millisecond.
    expect(texts(page, '.audit-action').sort()).toEqual(['注册账号', '修改资料'].sort());
    expect(texts(page, '.audit-actor')).toEqual(['操作人：本人', '操作人：本人']);
    expect(textOf(page, '.audit-time')).toMatch(/（北京时间）$/);

    suite.wx.modalConfirms = true;
    page.querySelector('.disable')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.detail-status') === '状态：已停用', 'the refreshed detail');
    expect(texts(page, '.audit-action')[0]).toBe('停用账号');
    expect(texts(page, '.audit-actor')[0]).toBe(`操作人：管理员 ${admin}`);
    expect(page.querySelectorAll('.session')).toHaveLength(0);
    expect(textOf(page, '.no-sessions')).toBe('没有登录中的设备');

    page.querySelector('.detail-close')!.dispatchEvent('tap');
    await waitFor(() => !page.querySelector('.detail'), 'the detail to close');
  });

  test('a failed get shows a Chinese message, not a blank view', async () => {
    const target = await userNamed('取不到的详情');
    const { page } = await openAsAdmin();
    await showOnly(page, target);
    suite.wx.cloud.failNext('adminUsers', 1);
    page.querySelector('.open-detail')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.detail-error') !== null, 'the failure');
    expect(textOf(page, '.detail-error')).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.querySelectorAll('.audit-entry')).toHaveLength(0);
  });

  test("A's detail answered after B's does not replace B's view (the latest request wins)", async () => {
    const userA = await userNamed('甲');
    const userB = await userNamed('乙');
    const { page } = await openAsAdmin();
    await showOnly(page, userA);
    suite.wx.cloud.reset();
    const releaseA = suite.wx.cloud.holdNextReply('adminUsers');
    page.querySelector('.open-detail')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.cloud.settled('adminUsers') === 1, "the server to answer A's get");
    await showOnly(page, userB);
    page.querySelector('.open-detail')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.detail-openid') === userB, "B's detail");
    releaseA();
    // The held reply reaches the page through promise callbacks only: one macrotask drains them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(textOf(page, '.detail-openid')).toBe(userB);
  });
});
