/**
 * @jest-environment jsdom
 *
 * pages/index rendered from its real WXML by miniprogram-simulate, logging in against the
 * emulator (child process) through the wx.cloud bridge. Only wx.* is stubbed (wx-runtime.ts).
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { fire, renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('index', 'home');

/** A fresh launch: a new user (unless told otherwise), empty storage, a new session manager. */
function launch({ keepUser = false, keepStorage = false } = {}): void {
  if (!keepUser) suite.bridge.openid = newOpenid('home');
  if (!keepStorage) suite.wx.storage.clear();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  installSession();
}

const status = (page: RenderedPage) => (page.data as { status: string }).status;

describe('pages/index', () => {
  it('shows "logging in" while the first login runs, then the user; one login call', async () => {
    launch();
    const page = renderPage(suite.pageId);
    expect(textOf(page, '.state-logging-in')).toBe('正在登录…');

    await waitFor(() => status(page) === 'logged-in', 'logged-in state');
    expect(textOf(page, '.nickname')).toBe('未设置昵称');
    expect(textOf(page, '.login-count')).toBe('累计登录 1 次');
    expect(textOf(page, '.avatar-empty')).toBe('头像');
    expect(textOf(page, '.edit')).toBe('编辑资料');
    expect(textOf(page, '.logout')).toBe('退出登录');
    expect(suite.wx.cloud.calls).toEqual(['login']);
    // The silent launch login never covers the page with a masked loading toast.
    expect(suite.wx.callsOf('showLoading')).toHaveLength(0);
    // No wx.login code exchange and no profile prompt: a user who shares nothing still logs in.
    for (const api of ['login', 'getUserProfile', 'getUserInfo'])
      expect(suite.wx.callsOf(api)).toEqual([]);
  });

  it('with a usable stored session it shows the user at once, with no call', async () => {
    launch();
    await appSession().ensureLogin();
    launch({ keepUser: true, keepStorage: true });
    const page = renderPage(suite.pageId);
    expect(status(page)).toBe('logged-in');
    expect(textOf(page, '.login-count')).toBe('累计登录 1 次');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(suite.wx.cloud.calls).toEqual([]);
  });

  it('shows the failure with a retry button; tapping it logs in', async () => {
    launch();
    suite.wx.cloud.failNext('login', 1);
    const page = renderPage(suite.pageId);
    await waitFor(() => status(page) === 'failed', 'failed state');
    // miniprogram-simulate reports a development build (like DevTools): the raw reason shows too.
    expect(textOf(page, '.state-failed .hint')).toMatch(
      /^登录失败：网络连接失败，请检查网络后重试（-1 cloud\.callFunction:fail request:fail .*）$/,
    );
    expect(suite.wx.openLoadings()).toBe(0); // hidden on failure too

    fire(page, '.retry', 'tap');
    await waitFor(() => status(page) === 'logged-in', 'logged-in after retry');
    // 重试 is the user's own action: it keeps a loading state, hidden once done.
    expect(suite.wx.callsOf('showLoading')).toEqual([{ title: '登录中', mask: true }]);
    expect(suite.wx.openLoadings()).toBe(0);
    expect(suite.wx.cloud.calls).toEqual(['login', 'login']);
    expect(textOf(page, '.login-count')).toBe('累计登录 1 次');
  });

  it('"编辑资料" opens the profile page', async () => {
    launch();
    const page = renderPage(suite.pageId);
    await waitFor(() => status(page) === 'logged-in', 'logged-in state');
    fire(page, '.edit', 'tap');
    await waitFor(() => suite.wx.callsOf('navigateTo').length === 1, 'navigateTo');
    expect(suite.wx.callsOf('navigateTo')[0]).toEqual({ url: '/pages/profile/index' });
  });

  it('"退出登录" asks, ends the session on the server, then offers to log in again', async () => {
    launch();
    const page = renderPage(suite.pageId);
    await waitFor(() => status(page) === 'logged-in', 'logged-in state');
    const { token } = appSession().current() ?? { token: '' };

    suite.wx.modalConfirms = false;
    fire(page, '.logout', 'tap');
    await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
    expect(status(page)).toBe('logged-in'); // cancelled: nothing happens

    suite.wx.modalConfirms = true;
    fire(page, '.logout', 'tap');
    await waitFor(() => status(page) === 'logged-out', 'logged-out state');
    expect(textOf(page, '.state-logged-out .hint')).toBe('你已退出登录');
    // The session is gone and the logout is remembered, so a cold start does not log back in.
    expect([...suite.wx.storage.entries()]).toEqual([['wx-cloud-login:session:logged-out', true]]);
    await waitFor(() => suite.wx.cloud.settled('logout') === 1, 'the logout call to finish');
    const check = await suite.wx.cloud.callFunction({ name: 'checkSession', data: { token } });
    expect(check.result).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });

    // Killed and reopened: still logged out, and no login call until the user asks.
    launch({ keepUser: true, keepStorage: true });
    const reopened = renderPage(suite.pageId);
    expect(textOf(reopened, '.state-logged-out .hint')).toBe('你已退出登录');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(suite.wx.cloud.calls).toEqual([]);

    fire(reopened, '.login', 'tap');
    await waitFor(() => status(reopened) === 'logged-in', 'logged-in again');
    expect(textOf(reopened, '.login-count')).toBe('累计登录 2 次');
  });
});
