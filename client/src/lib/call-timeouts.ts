import type { FunctionName } from '../../../contract/src/index';

/**
 * 每个云函数客户端最多等多久。必须长于函数自身的超时（cloudbaserc.json 的 `timeout`，默认 25 秒），否则
 * 一次慢但成功的登录、绑定或注销会被显示成失败。Client limits per function: each is longer than the
 * function's own timeout (cloudbaserc.json, 25 s) plus a cold start and a slow round trip, so
 * the client never gives up on a call that is still running (test/miniprogram/call-timeouts.test.ts).
 */
export const FUNCTION_TIMEOUT_MS = 25_000;

/** A cold start (a few seconds) and a weak network's round trip on top of the function's own. */
const MARGIN_MS = 7_000;

/** Built-in functions; keyed by string because apps merge their own names into CloudFunctions. */
export const CALL_TIMEOUT_MS: Readonly<Partial<Record<FunctionName, number>>> = {
  login: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  checkSession: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  updateUserInfo: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  logout: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  bindPhoneNumber: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  unbindPhoneNumber: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  deleteAccount: FUNCTION_TIMEOUT_MS + MARGIN_MS,
  adminUsers: FUNCTION_TIMEOUT_MS + MARGIN_MS,
};

/** An app's own functions (declared by merging into CloudFunctions) get the same default. */
export function callTimeoutFor(name: string): number {
  return (
    (CALL_TIMEOUT_MS as Record<string, number | undefined>)[name] ?? FUNCTION_TIMEOUT_MS + MARGIN_MS
  );
}
