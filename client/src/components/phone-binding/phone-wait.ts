/**
 * When the server answered RATE_LIMITED, the time (ms) before which another try is refused.
 * Stored, so a relaunch keeps the button disabled: each success callback of the button is billed
 * (¥0.03) whether or not the server then uses the code, so a tap the server would refuse costs
 * money for nothing.
 */
const KEY = 'wx-cloud-login:phone-retry-at';

export function readRetryAt(now: number = Date.now()): number | null {
  try {
    const value: unknown = wx.getStorageSync(KEY);
    return typeof value === 'number' && value > now ? value : null;
  } catch {
    return null;
  }
}

export function saveRetryAt(retryAt: number): void {
  try {
    wx.setStorageSync(KEY, retryAt);
  } catch {
    // Not persisted: this launch still keeps the button disabled.
  }
}

/** `14:05` today, `明天 09:30` or `12月8日 09:30` further away: when the button comes back. */
export function formatRetryAt(retryAt: number, now: number = Date.now()): string {
  const at = new Date(retryAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${at.getHours()}:${pad(at.getMinutes())}`;
  const today = new Date(now);
  const days = Math.round(
    (new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime() -
      new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()) /
      86_400_000,
  );
  if (days <= 0) return time;
  if (days === 1) return `明天 ${time}`;
  return `${at.getMonth() + 1}月${at.getDate()}日 ${time}`;
}

/** setTimeout's limit is 2^31-1 ms; a longer wait is re-checked when the row is shown again. */
export const MAX_TIMER_MS = 2_147_483_647;
