/**
 * @jest-environment jsdom
 *
 * The profile page's 注销账号 (components/account-deletion) rendered from its real WXML, bound to
 * the real deleteAccount in the emulator. Only wx.* (the WeChat client) is stubbed.
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { renderPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'deletion');

async function openProfile() {
  suite.bridge.openid = newOpenid('deletion');
  suite.wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  await appSession().callAuthenticated('updateUserInfo', { profile: { nickName: '将被注销' } });
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  const page = renderPage(suite.pageId);
  const section = page.querySelector('.deletion-section');
  if (!section) throw new Error('the profile page has no account deletion section');
  return section;
}

describe('profile page: 注销账号', () => {
  test('a deletion whose reply is lost is retried with the same token: deleted, never re-registered', async () => {
    const section = await openProfile();
    suite.wx.modalConfirms = true;
    suite.wx.cloud.loseNextReply('deleteAccount', 1);
    section.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.callsOf('reLaunch').length === 1, 'the return to the home page');
    // The first try ran on the server; the retry found nothing left and said so.
    expect(suite.wx.cloud.calls).toEqual(['deleteAccount', 'deleteAccount']);
    expect(appSession().getSnapshot().status).toBe('deleted');
    await appSession().refresh(); // app.ts on show: no login, so no new account
    expect(suite.wx.cloud.calls).toEqual(['deleteAccount', 'deleteAccount']);
  });

  test('cancelling the confirmation deletes nothing', async () => {
    const section = await openProfile();
    suite.wx.modalConfirms = false;
    section.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
    const [modal] = suite.wx.callsOf('showModal') as Array<{ title: string; content: string }>;
    expect(modal).toMatchObject({ title: '注销账号' });
    expect(modal!.content).toContain('永久删除');
    expect(suite.wx.cloud.count('deleteAccount')).toBe(0);
    expect(appSession().current()).not.toBeNull();
    suite.wx.modalConfirms = true;
  });

  test('confirmed: the account is deleted on the server, the session cleared, the home page shown', async () => {
    const section = await openProfile();
    suite.wx.modalConfirms = true;
    section.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => suite.wx.callsOf('reLaunch').length === 1, 'the return to the home page');
    expect(suite.wx.callsOf('reLaunch')[0]).toMatchObject({ url: '/pages/index/index' });
    expect(suite.wx.cloud.count('deleteAccount')).toBe(1);
    expect(appSession().current()).toBeNull();
    // The server already ended every session: no pointless logout call, and the home page is
    // told the account was deleted (not "你已退出登录").
    expect(suite.wx.cloud.calls).toEqual(['deleteAccount']);
    expect(appSession().getSnapshot().status).toBe('deleted');
    // The same WeChat user now comes back as a brand-new user with an empty profile.
    const again = (await suite.bridge.callFunction({ name: 'login', data: {} })).result as {
      ok: boolean;
      data: { isNewUser: boolean; user: { nickName: string; loginCount: number } };
    };
    expect(again).toMatchObject({
      ok: true,
      data: { isNewUser: true, user: { nickName: '', loginCount: 1 } },
    });
  });
});
