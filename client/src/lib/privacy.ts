/**
 * 隐私授权（用户隐私保护指引）：头像、昵称、手机号等接口在用户同意指引前会暂停，由
 * wx.onNeedPrivacyAuthorization 交给小程序自己的弹窗处理。这里只有与页面无关的部分：一个全局监听、
 * 当前显示弹窗的页面、以及把失败的 errMsg 翻译成中文说明。
 *
 * Privacy consent without page code: one global listener (WeChat allows one), the page whose
 * sheet shows the request, and Chinese explanations for the two privacy failures.
 */

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };
type Resolve = (answer: PrivacyAnswer) => void;
/** Shows the page's sheet for a paused call; `referrer` names the API (e.g. "chooseAvatar"). */
export type PrivacyPresenter = (referrer: string) => void;

/** The id of the sheet's `<button open-type="agreePrivacyAuthorization">` (checked by WeChat). */
export const AGREE_BUTTON_ID = 'agree-privacy-button';

let installed = false;
/** Every call paused since the sheet opened: one answer goes to all of them. */
let pending: Resolve[] = [];
let presenter: PrivacyPresenter | null = null;

/** True when the running base library has `api` (wx.canIUse is itself missing before 1.1.1). */
export function canIUse(api: string): boolean {
  return typeof wx.canIUse === 'function' && wx.canIUse(api);
}

/**
 * Registers the one app-wide listener (idempotent). Without it WeChat shows its own popup,
 * which after a refusal ignores taps for about 10 s and turns the nickname input into plain text.
 */
export function installPrivacyListener(): void {
  if (installed || !canIUse('onNeedPrivacyAuthorization')) return;
  installed = true;
  // miniprogram-api-typings declares a one-argument listener; the documented one gets
  // (resolve, eventInfo), which is what the base library calls it with.
  const listen = wx.onNeedPrivacyAuthorization as unknown as (
    listener: (resolve: Resolve, eventInfo: { referrer: string }) => void,
  ) => void;
  listen((resolve, eventInfo) => {
    // A second paused call while the sheet is open shares the same answer (none is dropped).
    pending.push(resolve);
    if (presenter) presenter(eventInfo.referrer);
    else answerPrivacy({ event: 'disagree' }); // no page can ask: fail now, never hang
  });
}

/** The visible page registers its sheet; returns the function that unregisters it. */
export function presentPrivacyWith(show: PrivacyPresenter): () => void {
  presenter = show;
  return () => {
    if (presenter === show) presenter = null;
  };
}

/** The user's answer on the sheet. 'agree' counts only after a tap on the agree button. */
export function answerPrivacy(answer: PrivacyAnswer): void {
  const waiting = pending;
  pending = [];
  for (const resolve of waiting) resolve(answer);
}

export interface PrivacySetting {
  needAuthorization: boolean;
  contractName: string;
}

/** wx.getPrivacySetting as a promise; base libraries without it need no consent (< 2.32.3). */
export function privacySetting(): Promise<PrivacySetting> {
  return new Promise((resolve) => {
    if (!canIUse('getPrivacySetting')) {
      resolve({ needAuthorization: false, contractName: '' });
      return;
    }
    wx.getPrivacySetting({
      success: (res) =>
        resolve({
          needAuthorization: res.needAuthorization,
          contractName: res.privacyContractName,
        }),
      fail: () => resolve({ needAuthorization: false, contractName: '' }),
    });
  });
}

/** Asks for consent up front (before a nickname input that would degrade to plain text). */
export function requirePrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    if (!canIUse('requirePrivacyAuthorize')) {
      resolve(true);
      return;
    }
    wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

export type PrivacyFailure = 'undeclared' | 'refused';

/** Which privacy failure an errMsg reports, if any (the two shapes WeChat uses). */
export function privacyFailureOf(errMsg: string): PrivacyFailure | null {
  if (/scope is not declared in the privacy agreement/i.test(errMsg)) return 'undeclared';
  if (/privacy permission is not authorized/i.test(errMsg)) return 'refused';
  return null;
}

/** What the page says for each failure: the user can act on a refusal, not on the other. */
export const PRIVACY_MESSAGES: Record<PrivacyFailure, string> = {
  undeclared: '小程序未在《用户隐私保护指引》中声明此项信息，暂时无法使用，请联系开发者',
  refused: '你未同意《用户隐私保护指引》，无法使用微信头像和昵称；再次点击可重新选择',
};

/** What a paused call was for, so the sheet and a refusal name it (not always "avatar"). */
export type PrivacyPurpose = 'profile' | 'phone' | 'other';

/** The paused API (eventInfo.referrer) sorted by what the user was doing. */
export function purposeOf(referrer: string): PrivacyPurpose {
  if (/phone/i.test(referrer)) return 'phone';
  // chooseAvatar, the nickname input, and requirePrivacyAuthorize (asked on nickname focus).
  if (/avatar|nickname|requirePrivacyAuthorize/i.test(referrer)) return 'profile';
  return 'other';
}

export const PURPOSE_TEXT: Record<PrivacyPurpose, string> = {
  profile: '微信头像和昵称',
  phone: '手机号',
  other: '这项功能',
};

/** A refusal, in the words of what was asked. */
export const REFUSED_MESSAGES: Record<PrivacyPurpose, string> = {
  profile: PRIVACY_MESSAGES.refused,
  phone: '你未同意《用户隐私保护指引》，无法绑定手机号；再次点击可重新选择',
  other: '你未同意《用户隐私保护指引》，暂时无法使用这项功能；再次点击可重新选择',
};
