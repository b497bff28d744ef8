/**
 * A tap on the avatar button must never look dead, and must not blame anyone while the user is
 * still choosing: the page shows "opening" at once (for a moment), and only when the user came
 * back from the album or camera without a choice does it say so, in neutral words. Failures that
 * WeChat reports (privacy, upload) have their own messages.
 */
export const avatarTiming = { noResponseMs: 4_000 };

export const AVATAR_HINTS = {
  opening: '正在打开头像选择…',
  noChoice: '没有选择新头像，可以再点一次头像重新选择',
} as const;
