/**
 * 基础库版本判断。`wx.canIUse('button.open-type.getPhoneNumber')` 自 1.2.0 起就是 true，判断不了手机号
 * 快速验证的 code 流程（2.21.2 起）：需要比较版本号。Base library checks by version, for features
 * canIUse cannot tell apart (the getPhoneNumber button exists since 1.2.0, its code since 2.21.2).
 */

/** The first base library whose getPhoneNumber button hands out `e.detail.code`. */
export const PHONE_CODE_MIN_VERSION = '2.21.2';

/** -1, 0 or 1 as `a` is older than, equal to or newer than `b` ('2.21.2' vs '2.9.0' is 1). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = Number.parseInt(left[i] ?? '0', 10) || 0;
    const y = Number.parseInt(right[i] ?? '0', 10) || 0;
    if (x !== y) return x > y ? 1 : -1;
  }
  return 0;
}

/** The running base library: getAppBaseInfo (2.25.3+), else the older getSystemInfoSync. */
export function baseLibraryVersion(): string {
  try {
    if (typeof wx.getAppBaseInfo === 'function') return wx.getAppBaseInfo().SDKVersion;
    return wx.getSystemInfoSync().SDKVersion;
  } catch {
    return '0';
  }
}

export function baseLibraryAtLeast(version: string): boolean {
  return compareVersions(baseLibraryVersion(), version) >= 0;
}
