/**
 * @jest-environment jsdom
 *
 * Wording that matches what was asked (issue 26, item 5), on pages/profile rendered from its real
 * WXML: the privacy sheet and a refusal name what triggered them (avatar/nickname or the phone
 * number), the phone row says what the number is for and the unbind text promises nothing the
 * app does not do, and the avatar hint waits until the user came back without a choice.
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { avatarTiming } from '../../../miniprogram/pages/profile/avatar-feedback';
import { newOpenid } from '../support/counting-cloud';
import { fire, partOf, renderPage, textOf, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'wording');

async function openProfile(): Promise<RenderedPage> {
  suite.bridge.openid = newOpenid('wording');
  suite.wx.storage.clear();
  suite.wx.privacy.needAuthorization = true;
  installSession();
  await appSession().ensureLogin();
  suite.wx.calls.splice(0);
  return renderPage(suite.pageId);
}

/** What WeChat does when another page covers this one and when it comes back (untyped in simulate). */
const pageLifetime = (page: RenderedPage, name: 'show' | 'hide') =>
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime(name);

const sheetVisible = (page: RenderedPage) =>
  (partOf(page, '#privacy-consent').data as { privacySheetVisible: boolean }).privacySheetVisible;

test.each([
  ['chooseAvatar', /头像和昵称/, /无法使用微信头像和昵称/],
  ['getPhoneNumber', /手机号/, /无法绑定手机号/],
])('a paused %s: the sheet and the refusal name it', async (referrer, asked, refused) => {
  const page = await openProfile();
  const answer = suite.wx.requestPrivacy(referrer);
  await waitFor(() => sheetVisible(page), 'the privacy sheet');
  expect(textOf(partOf(page, '#privacy-consent'), '.privacy-purpose')).toMatch(asked);
  fire(partOf(page, '#privacy-consent'), '.privacy-refuse', 'tap');
  await answer;
  expect(textOf(partOf(page, '#privacy-consent'), '.privacy-notice')).toMatch(refused);
  if (referrer === 'getPhoneNumber')
    expect(textOf(partOf(page, '#privacy-consent'), '.privacy-notice')).not.toMatch(/头像/);
});

test('a refused phone number on the button names the phone number, not the avatar', async () => {
  const page = await openProfile();
  const row = page.querySelector('.phone-section')!;
  row.querySelector('.phone-bind')!.dispatchEvent('getphonenumber', {
    detail: { errMsg: 'getPhoneNumber:fail privacy permission is not authorized' },
  });
  await waitFor(
    () =>
      row.querySelector('.phone-message') !== undefined &&
      row.querySelector('.phone-message') !== null,
    'the message',
  );
  const message = (row.querySelector('.phone-message')!.dom?.textContent ?? '').trim();
  expect(message).toMatch(/手机号/);
  expect(message).not.toMatch(/头像/);
});

test('the phone row says what the number is used for; unbinding promises no recovery', async () => {
  const page = await openProfile();
  const row = page.querySelector('.phone-section')!;
  expect((row.querySelector('.phone-purpose')?.dom?.textContent ?? '').trim()).toMatch(/用于/);
  await appSession().callAuthenticated('unbindPhoneNumber', {}); // nothing bound: a no-op
  row.instance.setData({ maskedPhone: '138****8000' });
  row.querySelector('.phone-unbind')!.dispatchEvent('tap');
  await waitFor(() => suite.wx.callsOf('showModal').length === 1, 'the confirmation');
  const { content } = suite.wx.callsOf('showModal')[0] as { content: string };
  expect(content).not.toMatch(/找回/);
});

test('the avatar hint waits for the user to come back without a choice, in neutral words', async () => {
  const saved = avatarTiming.noResponseMs;
  avatarTiming.noResponseMs = 20;
  try {
    const page = await openProfile();
    fire(page, '.avatar-button', 'tap');
    await new Promise((resolve) => setTimeout(resolve, 60)); // still choosing in the sheet
    expect(textOf(page, '.avatar-hint') ?? '').not.toMatch(/没有弹出|隐私|开发者/);
    pageLifetime(page, 'hide'); // the album opened
    pageLifetime(page, 'show'); // back, without choosing
    await waitFor(() => textOf(page, '.avatar-hint') !== null, 'the hint');
    expect(textOf(page, '.avatar-hint')).toBe('没有选择新头像，可以再点一次头像重新选择');
  } finally {
    avatarTiming.noResponseMs = saved;
  }
});
