/**
 * @jest-environment jsdom
 *
 * The profile page's 注销账号 (components/account-deletion) rendered from its real WXML, bound to
 * the real deleteAccount in the emulator. Only wx.* (the WeChat client) is stubbed.
 */
import type { BridgeWxCloud } from '../../../emulator/src/bridge';
import { appSession, installSession } from '../../../miniprogram/lib/app-session';
import { bridgeFor, newOpenid } from '../support/counting-cloud';
import { startChildEmulator, type ChildEmulator } from '../support/emulator-child';
import { loadPage, renderPage } from '../support/page-harness';
import { installWxRuntime, waitFor, type WxRuntime } from '../support/wx-runtime';

let emulator: ChildEmulator;
let bridge: BridgeWxCloud;
let wx: WxRuntime;
let pageId: string;

beforeAll(async () => {
  emulator = await startChildEmulator();
  bridge = bridgeFor(emulator, newOpenid('deletion'));
  wx = installWxRuntime(bridge);
  pageId = loadPage('profile');
}, 30_000);
afterAll(async () => {
  await emulator?.stop();
});

async function openProfile() {
  bridge.openid = newOpenid('deletion');
  wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  await appSession().callAuthenticated('updateUserInfo', { profile: { nickName: '将被注销' } });
  wx.cloud.reset();
  wx.calls.splice(0);
  const page = renderPage(pageId);
  const section = page.querySelector('.deletion-section');
  if (!section) throw new Error('the profile page has no account deletion section');
  return section;
}

describe('profile page: 注销账号', () => {
  test('cancelling the confirmation deletes nothing', async () => {
    const section = await openProfile();
    wx.modalConfirms = false;
    section.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => wx.callsOf('showModal').length === 1, 'the confirmation');
    const [modal] = wx.callsOf('showModal') as Array<{ title: string; content: string }>;
    expect(modal).toMatchObject({ title: '注销账号' });
    expect(modal!.content).toContain('永久删除');
    expect(wx.cloud.count('deleteAccount')).toBe(0);
    expect(appSession().current()).not.toBeNull();
    wx.modalConfirms = true;
  });

  test('confirmed: the account is deleted on the server, the session cleared, the home page shown', async () => {
    const section = await openProfile();
    wx.modalConfirms = true;
    section.querySelector('.delete-account')!.dispatchEvent('tap');
    await waitFor(() => wx.callsOf('reLaunch').length === 1, 'the return to the home page');
    expect(wx.callsOf('reLaunch')[0]).toMatchObject({ url: '/pages/index/index' });
    expect(wx.cloud.count('deleteAccount')).toBe(1);
    expect(appSession().current()).toBeNull();
    // The same WeChat user now comes back as a brand-new user with an empty profile.
    const again = (await bridge.callFunction({ name: 'login', data: {} })).result as {
      ok: boolean;
      data: { isNewUser: boolean; user: { nickName: string; loginCount: number } };
    };
    expect(again).toMatchObject({
      ok: true,
      data: { isNewUser: true, user: { nickName: '', loginCount: 1 } },
    });
  });
});
