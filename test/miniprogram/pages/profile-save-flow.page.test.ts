/**
 * @jest-environment jsdom
 *
 * pages/profile's form around a save (issue 26, item 7), rendered from its real WXML against the
 * real updateUserInfo in the emulator: the form follows a session that arrives after the page,
 * a gender change saves without a nickname, the toast is shown after the navigation (so it is
 * not taken away with the page), and a profile opened as the first page goes home on save.
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { chooseRadio, tapSubmit, typeInto } from '../support/form-runtime';
import { renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'save-flow');

type FormData = { nickName: string; gender: number; fieldErrors: Record<string, string> };
const data = (page: RenderedPage) => page.data as FormData;

function reset(): void {
  suite.bridge.openid = newOpenid('save-flow');
  suite.wx.storage.clear();
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
}

afterEach(() => {
  delete (globalThis as { getCurrentPages?: unknown }).getCurrentPages;
});

test('the form follows the session when the login answers after the page opened', async () => {
  reset();
  installSession();
  await appSession().ensureLogin();
  await appSession().callAuthenticated('updateUserInfo', {
    profile: { nickName: '老用户', gender: 2 },
  });
  suite.wx.storage.clear(); // a cold start that has to log in again
  installSession();
  const page = renderPage(suite.pageId); // opened (e.g. from a share) before the login answered
  expect(data(page).nickName).toBe('');
  await appSession().ensureLogin();
  await waitFor(() => data(page).nickName === '老用户', 'the nickname from the session');
  expect(data(page).gender).toBe(2);
});

test('a user without a nickname can save a gender change alone', async () => {
  reset();
  installSession();
  await appSession().ensureLogin();
  suite.wx.cloud.reset();
  const page = renderPage(suite.pageId);
  chooseRadio(page, '.gender', 1);
  tapSubmit(page, '.profile-form');
  await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'the page to close');
  expect(textOf(page, '.error-nickName')).toBeNull();
  expect(suite.wx.cloud.calls).toEqual(['updateUserInfo']);
  expect(appSession().current()?.user).toMatchObject({ nickName: '', gender: 1 });
});

test('the toast is shown once the navigation is done, not before it', async () => {
  reset();
  installSession();
  await appSession().ensureLogin();
  const page = renderPage(suite.pageId);
  typeInto(page, '.nickname', '小明');
  chooseRadio(page, '.gender', 2);
  tapSubmit(page, '.profile-form');
  await waitFor(() => suite.wx.callsOf('showToast').length === 1, 'the toast');
  const order = suite.wx.calls
    .map((c) => c.api)
    .filter((api) => api !== 'showLoading' && api !== 'hideLoading');
  expect(order).toEqual(['navigateBack', 'showToast']);
});

test('opened as the first page (nothing to go back to), 保存 goes to the home page', async () => {
  reset();
  installSession();
  await appSession().ensureLogin();
  (globalThis as { getCurrentPages?: () => unknown[] }).getCurrentPages = () => [{}];
  const page = renderPage(suite.pageId);
  typeInto(page, '.nickname', '小明');
  chooseRadio(page, '.gender', 2);
  tapSubmit(page, '.profile-form');
  await waitFor(() => suite.wx.callsOf('showToast').length === 1, 'the toast');
  expect(suite.wx.callsOf('navigateBack')).toEqual([]);
  expect(suite.wx.callsOf('reLaunch')).toMatchObject([{ url: '/pages/index/index' }]);
});
