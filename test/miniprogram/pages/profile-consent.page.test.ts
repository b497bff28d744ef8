/**
 * @jest-environment jsdom
 *
 * pages/profile on a real phone (issue 15), rendered from its real WXML against the emulator:
 * WeChat's nickname review (pass, fail, timeout, and 保存 waiting for it), privacy consent with
 * the package's <privacy-consent> sheet, an undeclared privacy scope, the avatar button's accessible name, and an
 * old base library. Only wx.* is stubbed (the privacy and review events come from the client).
 */
import { appSession, installSession } from 'wx-cloud-login-miniprogram';
import { avatarTiming } from '../../../miniprogram/pages/profile/avatar-feedback';
import { reviewTiming } from '../../../miniprogram/pages/profile/nickname-review';
import { newOpenid } from '../support/counting-cloud';
import { chooseRadio, tapSubmit, typeInto } from '../support/form-runtime';
import {
  fire,
  partOf,
  renderPage,
  textOf,
  type RenderedPage,
  type RenderedPart,
} from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'consent');

async function openProfile(setup: () => void = () => undefined): Promise<RenderedPage> {
  suite.bridge.openid = newOpenid('consent');
  suite.wx.storage.clear();
  suite.wx.privacy.needAuthorization = false;
  suite.wx.unsupported.clear();
  setup();
  installSession();
  await appSession().ensureLogin(); // login itself never needs privacy consent
  suite.wx.cloud.reset();
  suite.wx.calls.splice(0);
  return renderPage(suite.pageId);
}

type PageData = {
  fieldErrors: Record<string, string>;
  nicknameChecking: boolean;
};
const data = (page: RenderedPage) => page.data as PageData;

/** The page's <privacy-consent> (the package's component, from miniprogram_npm). */
const consent = (page: RenderedPage) => partOf(page, '#privacy-consent');
type ConsentData = {
  privacySheetVisible: boolean;
  privacyNotice: string;
  needPrivacyAuthorization: boolean;
};
const consentData = (page: RenderedPage) => consent(page).data as ConsentData;

/** The user types a nickname and leaves the input: WeChat starts its review. */
function typeNickname(page: RenderedPage, text: string): void {
  fire(page, '.nickname', 'focus');
  typeInto(page, '.nickname', text);
  fire(page, '.nickname', 'blur');
}

const review = (page: RenderedPage, pass: boolean, timeout = false) =>
  fire(page, '.nickname', 'nicknamereview', { pass, timeout });

function attrOf(page: RenderedPart, selector: string, name: string): unknown {
  const node = page.querySelector(selector) as unknown as {
    _exparserNode: { _vt: { attrs: Array<{ name: string; value: unknown }> } };
  };
  return node._exparserNode._vt.attrs.find((a) => a.name === name)?.value;
}

describe('the nickname review', () => {
  it('a failed review shows its message next to the nickname', async () => {
    const page = await openProfile();
    typeNickname(page, '违规昵称');
    review(page, false);
    await waitFor(() => Boolean(data(page).fieldErrors.nickName), 'the nickname error');
    expect(textOf(page, '.error-nickName')).toBe('昵称未通过微信安全检查，请修改');
  });

  it('a review that timed out has its own message', async () => {
    const page = await openProfile();
    typeNickname(page, '小绿');
    review(page, false, true);
    await waitFor(() => Boolean(data(page).fieldErrors.nickName), 'the nickname error');
    expect(textOf(page, '.error-nickName')).toBe('微信昵称检查超时，请稍后重新输入昵称');
  });

  it('保存 during a review waits for it; a pass then saves', async () => {
    const page = await openProfile();
    typeNickname(page, '小蓝');
    chooseRadio(page, '.gender', 1);
    tapSubmit(page, '.profile-form');
    await waitFor(() => data(page).fieldErrors.nickName === '正在检查昵称…', 'the checking hint');
    expect(suite.wx.cloud.calls).toEqual([]);

    review(page, true);
    await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');
    expect(suite.wx.cloud.calls).toEqual(['updateUserInfo']);
    expect(appSession().current()?.user).toMatchObject({ nickName: '小蓝', gender: 1 });
  });

  it('保存 during a review that fails saves nothing', async () => {
    const page = await openProfile();
    typeNickname(page, '违规昵称');
    tapSubmit(page, '.profile-form');
    review(page, false);
    await waitFor(() => data(page).fieldErrors.nickName?.includes('未通过') ?? false, 'the error');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(suite.wx.cloud.calls).toEqual([]);
  });

  it('a review that never reports does not block 保存 forever (the server decides)', async () => {
    const saved = reviewTiming.maxWaitMs;
    reviewTiming.maxWaitMs = 20;
    try {
      const page = await openProfile();
      typeNickname(page, '小紫');
      tapSubmit(page, '.profile-form');
      await waitFor(() => suite.wx.callsOf('navigateBack').length === 1, 'navigateBack');
      expect(suite.wx.cloud.calls).toEqual(['updateUserInfo']);
    } finally {
      reviewTiming.maxWaitMs = saved;
    }
  });
});

describe('privacy consent', () => {
  it('a paused avatar call shows our sheet; 同意 through the agree button lets it go on', async () => {
    const page = await openProfile(() => (suite.wx.privacy.needAuthorization = true));
    const answer = suite.wx.requestPrivacy('chooseAvatar'); // the user tapped the avatar
    await waitFor(() => consentData(page).privacySheetVisible, 'the privacy sheet');
    expect(textOf(consent(page), '.privacy-link')).toBe(suite.wx.privacy.contractName);
    expect(attrOf(consent(page), '.privacy-agree', 'openType')).toBe('agreePrivacyAuthorization');
    expect(attrOf(consent(page), '.privacy-agree', 'id')).toBe('agree-privacy-button');

    fire(consent(page), '.privacy-agree', 'agreeprivacyauthorization');
    await expect(answer).resolves.toEqual({ event: 'agree', buttonId: 'agree-privacy-button' });
    expect(consentData(page).privacySheetVisible).toBe(false);
  });

  it('拒绝 fails the paused call and the page explains what that means', async () => {
    const page = await openProfile(() => (suite.wx.privacy.needAuthorization = true));
    const answer = suite.wx.requestPrivacy('chooseAvatar');
    await waitFor(() => consentData(page).privacySheetVisible, 'the privacy sheet');
    fire(consent(page), '.privacy-refuse', 'tap');
    await expect(answer).resolves.toEqual({ event: 'disagree' });
    expect(textOf(consent(page), '.privacy-notice')).toBe(
      '你未同意《用户隐私保护指引》，无法使用微信头像和昵称；再次点击可重新选择',
    );
  });

  it('focusing the nickname before consent asks first (else it becomes a plain text box)', async () => {
    const page = await openProfile(() => (suite.wx.privacy.needAuthorization = true));
    await waitFor(() => consentData(page).needPrivacyAuthorization, 'setting');
    fire(page, '.nickname', 'focus');
    await waitFor(() => consentData(page).privacySheetVisible, 'the privacy sheet');
    expect(suite.wx.callsOf('requirePrivacyAuthorize')).toHaveLength(1);
    fire(consent(page), '.privacy-link', 'tap');
    await waitFor(
      () => suite.wx.callsOf('openPrivacyContract').length === 1,
      'the guideline to open',
    );
  });

  it('an undeclared privacy scope is explained, not silent', async () => {
    const page = await openProfile();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const errMsg = 'chooseAvatar:fail api scope is not declared in the privacy agreement';
    fire(page, '.avatar-button', 'chooseavatar', { errMsg });
    await waitFor(() => Boolean(consentData(page).privacyNotice), 'the notice');
    expect(textOf(consent(page), '.privacy-notice')).toBe(
      '小程序未在《用户隐私保护指引》中声明此项信息，暂时无法使用，请联系开发者',
    );
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(errMsg));
    errors.mockRestore();
  });
});

describe('avatar button and old base libraries', () => {
  it('a tap shows feedback at once; the hint ends without blaming anyone while the user chooses', async () => {
    const saved = avatarTiming.noResponseMs;
    avatarTiming.noResponseMs = 20;
    try {
      const page = await openProfile();
      fire(page, '.avatar-button', 'tap');
      await waitFor(() => textOf(page, '.avatar-hint') === '正在打开头像选择…', 'the opening hint');
      await waitFor(() => textOf(page, '.avatar-hint') === null, 'the hint to end');

      // A tap the picker answers leaves no hint behind.
      fire(page, '.avatar-button', 'tap');
      fire(page, '.avatar-button', 'chooseavatar', { errMsg: 'chooseAvatar:fail cancel' });
      await waitFor(() => textOf(page, '.avatar-hint') === null, 'the hint to go');
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(textOf(page, '.avatar-hint')).toBeNull();
      expect(textOf(page, '.error-avatarUrl')).toBeNull(); // a cancel is not an error
    } finally {
      avatarTiming.noResponseMs = saved;
    }
  });

  it('the avatar button has an accessible name with and without an image', async () => {
    const page = await openProfile();
    expect(attrOf(page, '.avatar-button', 'ariaLabel')).toBe('选择头像');
    page.setData({ avatarUrl: 'cloud://env.bucket/avatars/a.png' });
    expect(attrOf(page, '.avatar-button', 'ariaLabel')).toBe('更换头像');
  });

  it('without the avatar/nickname fill-in the page says to update WeChat', async () => {
    const page = await openProfile(() => suite.wx.unsupported.add('button.open-type.chooseAvatar'));
    expect(textOf(page, '.unsupported')).toBe(
      '当前微信版本过低，无法设置头像和昵称，请升级微信后再试',
    );
  });
});
