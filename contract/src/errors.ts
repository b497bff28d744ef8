/**
 * Business error codes every cloud function may answer with.
 * Adding a code without a message below fails to compile (Record<ErrorCode, ...>).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_INVALID',
  'INVALID_ARGUMENT',
  'INTERNAL',
  'PHONE_IN_USE',
  'PHONE_CODE_INVALID',
  'PHONE_UNAVAILABLE',
  'RATE_LIMITED',
  'ACCOUNT_DISABLED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** User-facing (Chinese) text for each code; the client may show it as is. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '未获取到微信身份，请在小程序内访问',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  SESSION_INVALID: '登录状态无效，请重新登录',
  INVALID_ARGUMENT: '提交的内容不符合要求',
  INTERNAL: '服务暂时不可用，请稍后再试',
  PHONE_IN_USE: '该手机号已绑定其他账号',
  PHONE_CODE_INVALID: '手机号授权已失效，请重新获取',
  PHONE_UNAVAILABLE: '暂时无法获取手机号，请稍后再试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  ACCOUNT_DISABLED: '账号已被停用，如有疑问请联系客服',
  PERMISSION_DENIED: '没有权限执行此操作',
  NOT_FOUND: '要操作的对象不存在',
};

/**
 * Extra facts about an error. `field`/`reason` for INVALID_ARGUMENT, `reason` for
 * PHONE_UNAVAILABLE, `retryAfter` for RATE_LIMITED (or, from login, `reason: 'evicted'`: a
 * concurrent login of the same account pushed this one's session out before it answered; try
 * again), `requestId` for INTERNAL.
 */
export interface ErrorDetails {
  /** Dot path of the offending input, e.g. `profile.nickName`. */
  field?: string;
  /** Machine-readable reason, e.g. `too_long`, `unknown_field`, `wrong_type`. */
  reason?: string;
  /** Request id of the invocation whose log holds the cause. */
  requestId?: string;
  /** RATE_LIMITED: milliseconds until the next attempt can succeed. */
  retryAfter?: number;
}

/**
 * `details.reason` of PHONE_UNAVAILABLE, one per platform failure: `system_busy` (-1),
 * `platform_rate_limited` (45011), `quota_exhausted` (1400001), `no_permission` (-604101,
 * the function's config.json lacks the openapi permission).
 */
export const PHONE_UNAVAILABLE_REASONS = [
  'system_busy',
  'platform_rate_limited',
  'quota_exhausted',
  'no_permission',
] as const;

export type PhoneUnavailableReason = (typeof PHONE_UNAVAILABLE_REASONS)[number];

/**
 * Every `details.reason` the server sends with INVALID_ARGUMENT, so a client can map a reason to
 * its own hint (e.g. `profile.nickName` + `too_long`). `ErrorDetails.reason` stays a string so a
 * newer server with a new reason never breaks an older client.
 */
export const INVALID_ARGUMENT_REASONS = [
  'missing',
  'wrong_type',
  'empty',
  'too_long',
  'not_allowed',
  'control_character',
  'invalid_url',
  'invalid_scheme',
  'unknown_field',
  'operator_key',
  'dotted_key',
  'reserved_key',
  /** The platform's content check (security.msgSecCheck) judged the text risky. */
  'risky_content',
  /** A `cloud://` avatar not uploaded to a path this account was given (reserveAvatarUpload). */
  'not_owned',
] as const;

export type InvalidArgumentReason = (typeof INVALID_ARGUMENT_REASONS)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
