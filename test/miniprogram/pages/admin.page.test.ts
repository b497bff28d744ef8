/**
 * @jest-environment jsdom
 *
 * The admin page (pages/admin) rendered from its real WXML, bound to the real adminUsers in the
 * emulator. The admin role is granted the documented way: the console adds the account record
 * users/account:<OPENID> with roles ["admin"] (here through the emulator console's own API).
 */
import { request } from 'node:http';
import type { BridgeWxCloud } from '../../../emulator/src/bridge';
import { appSession, installSession } from '../../../miniprogram/lib/app-session';
import { bridgeFor, newOpenid } from '../support/counting-cloud';
import { startChildEmulator, type ChildEmulator } from '../support/emulator-child';
import { loadPage, renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { installWxRuntime, waitFor, type WxRuntime } from '../support/wx-runtime';

let emulator: ChildEmulator;
let bridge: BridgeWxCloud;
let wx: WxRuntime;
let pageId: string;

beforeAll(async () => {
  emulator = await startChildEmulator();
  bridge = bridgeFor(emulator, newOpenid('admin'));
  wx = installWxRuntime(bridge);
  pageId = loadPage('admin');
}, 30_000);
afterAll(async () => {
  await emulator?.stop();
});

/** POST /api/collections/users/documents: what 添加文档 in the console does (jsdom has no fetch). */
function consoleAdd(doc: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}/api/collections/users/documents`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`console insert: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(doc));
  });
}

/** Logs a user in through the bridge and gives them a nickname. */
async function userNamed(nickName: string): Promise<string> {
  bridge.openid = newOpenid('member');
  const login = (await bridge.callFunction({ name: 'login', data: {} })).result as {
    data: { token: string };
  };
  await bridge.callFunction({
    name: 'updateUserInfo',
    data: { token: login.data.token, profile: { nickName } },
  });
  return bridge.openid;
}

async function openAdminPage(asAdmin: boolean): Promise<RenderedPage> {
  bridge.openid = newOpenid('admin');
  if (asAdmin) await consoleAdd({ _id: `account:${bridge.openid}`, roles: ['admin'] });
  wx.storage.clear();
  installSession();
  await appSession().ensureLogin();
  wx.cloud.reset();
  wx.calls.splice(0);
  return renderPage(pageId);
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

    wx.modalConfirms = true;
    page.querySelector('.disable')!.dispatchEvent('tap');
    await waitFor(() => textOf(page, '.status') === '已停用', 'the disabled status');
    expect(wx.callsOf('showModal')).toHaveLength(1);

    bridge.openid = target;
    const login = (await bridge.callFunction({ name: 'login', data: {} })).result;
    expect(login).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  test('a user without the admin role sees the refusal, not the users', async () => {
    const page = await openAdminPage(false);
    await waitFor(() => textOf(page, '.message') !== null, 'the refusal');
    expect(textOf(page, '.message')).toContain('没有权限');
    expect(rows(page)).toHaveLength(0);
  });
});
