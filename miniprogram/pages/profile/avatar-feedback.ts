/**
 * A tap on the avatar button must never look dead. When the privacy guideline does not declare
 * the avatar, WeChat fails chooseAvatar with only a console line and fires no event, so the
 * page shows "opening" at once and, if nothing happened after a while (no picker page, no
 * privacy sheet, no chooseavatar), says what the likely cause is.
 */
export const avatarTiming = { noResponseMs: 4_000 };

export const AVATAR_HINTS = {
  opening: '正在打开头像选择…',
  noResponse:
    '没有弹出头像选择？若一直如此，可能是小程序未在《用户隐私保护指引》中声明头像，请联系开发者',
} as const;
