/**
 * What `bindgetphonenumber` reported, sorted into what the component does with it. Without a
 * code the user refused (quiet), privacy stopped it (explained), or the mini program may not use
 * the API (not verified, personal account, quota used up: explained, the page keeps working).
 */
import { privacyFailureOf, PRIVACY_MESSAGES, REFUSED_MESSAGES } from '../../lib/privacy';

export interface PhoneButtonDetail {
  code?: string;
  errMsg?: string;
  errno?: number;
}

export type PhoneButtonResult =
  { kind: 'code'; code: string } | { kind: 'refused' } | { kind: 'failed'; message: string };

export const PHONE_BUTTON_MESSAGES = {
  ineligible: '当前小程序暂不支持获取手机号',
  failed: '暂时无法获取手机号，请稍后再试',
} as const;

export function phoneButtonResult(detail: PhoneButtonDetail): PhoneButtonResult {
  if (typeof detail.code === 'string' && detail.code !== '')
    return { kind: 'code', code: detail.code };
  const errMsg = detail.errMsg ?? '';
  // "getPhoneNumber:fail user deny" / "...:fail:user cancel": the user said no; nothing to show.
  if (/user deny|user cancel|auth deny/i.test(errMsg)) return { kind: 'refused' };
  const privacy = privacyFailureOf(errMsg);
  if (privacy) {
    const message = privacy === 'refused' ? REFUSED_MESSAGES.phone : PRIVACY_MESSAGES.undeclared;
    return { kind: 'failed', message };
  }
  // Unverified or personal mini programs get "no permission"; 1400001 is the used-up quota.
  if (/no permission/i.test(errMsg) || detail.errno === 1400001) {
    return { kind: 'failed', message: PHONE_BUTTON_MESSAGES.ineligible };
  }
  return { kind: 'failed', message: PHONE_BUTTON_MESSAGES.failed };
}
