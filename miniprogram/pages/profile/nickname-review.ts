/**
 * WeChat checks a `type="nickname"` input after it loses focus and reports the result with
 * `bindnicknamereview` ({ pass, timeout }); a failing nickname is then cleared. 保存 is usually
 * the tap that blurs the input, so a submit must wait for that result instead of racing it.
 */

export interface NicknameReviewDetail {
  pass: boolean;
  timeout: boolean;
}

/** The longest a submit waits for a review that never comes; then the server's check decides. */
export const reviewTiming = { maxWaitMs: 3_000 };

export const REVIEW_MESSAGES = {
  failed: '昵称未通过微信安全检查，请修改',
  timeout: '微信昵称检查超时，请稍后重新输入昵称',
  checking: '正在检查昵称…',
} as const;

/** The message next to the nickname for a review result ('' when it passed). */
export function reviewMessage(detail: NicknameReviewDetail): string {
  if (detail.pass) return '';
  return detail.timeout ? REVIEW_MESSAGES.timeout : REVIEW_MESSAGES.failed;
}
