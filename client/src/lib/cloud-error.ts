import { ERROR_MESSAGES, type ErrorCode, type ErrorDetails } from '../../../contract/src/index';

/**
 * 传输层错误码：云函数没有返回信封时（网络、函数崩溃、返回格式不对）使用。
 * Transport codes: used when no envelope came back (network, crashed function, bad result).
 */
export const TRANSPORT_ERROR_CODES = [
  'NETWORK',
  'CLIENT_TIMEOUT',
  'TIMEOUT',
  'FUNCTION_NOT_FOUND',
  'FUNCTION_FAILED',
  'ENV_NOT_FOUND',
  'QUOTA_EXCEEDED',
  'MALFORMED_RESULT',
  'LOGGED_OUT',
  'UNKNOWN',
] as const;

export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** The closed set of codes a client call can fail with: the contract's plus the transport ones. */
export type ClientErrorCode = ErrorCode | TransportErrorCode;

/** Chinese text for each transport code; a new code without text fails to compile. */
const TRANSPORT_MESSAGES: Record<TransportErrorCode, string> = {
  NETWORK: '网络连接失败，请检查网络后重试',
  // The client stopped waiting; the function may still finish (a bind or deletion may be done).
  CLIENT_TIMEOUT: '服务响应较慢，请稍后再试',
  TIMEOUT: '服务处理超时，请稍后重试',
  FUNCTION_NOT_FOUND: '服务未部署，请联系开发者',
  FUNCTION_FAILED: '服务出错了，请稍后重试',
  ENV_NOT_FOUND: '云开发环境不存在，请联系开发者',
  QUOTA_EXCEEDED: '服务繁忙（资源配额已用完），请稍后重试',
  MALFORMED_RESULT: '服务返回的数据格式不正确',
  LOGGED_OUT: '你已退出登录，请先登录',
  UNKNOWN: '请求失败，请稍后重试',
};

export const CLIENT_ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  ...ERROR_MESSAGES,
  ...TRANSPORT_MESSAGES,
};

/** Codes that mean "the session token is no longer accepted": log in again and retry once. */
export function isSessionRejection(code: ClientErrorCode): boolean {
  return code === 'SESSION_EXPIRED' || code === 'SESSION_INVALID';
}

/**
 * Codes worth retrying after a pause (only for calls that are safe to repeat). Not TIMEOUT: a
 * function that ran out of time will most likely do so again, and each try costs seconds.
 */
export function isTransient(code: ClientErrorCode): boolean {
  return code === 'NETWORK';
}

export interface CloudCallErrorInit {
  code: ClientErrorCode;
  functionName: string;
  message?: string;
  details?: ErrorDetails;
  /** The errCode wx.cloud.callFunction reported, kept for diagnosis. */
  errCode?: number;
  /** The raw errMsg of a transport failure. */
  errMsg?: string;
}

/** The one error every call through the wrapper rejects with. */
export class CloudCallError extends Error {
  readonly code: ClientErrorCode;
  readonly functionName: string;
  readonly details: ErrorDetails | undefined;
  readonly errCode: number | undefined;
  readonly errMsg: string | undefined;

  constructor(init: CloudCallErrorInit) {
    super(init.message ?? CLIENT_ERROR_MESSAGES[init.code]);
    this.name = 'CloudCallError';
    this.code = init.code;
    this.functionName = init.functionName;
    this.details = init.details;
    this.errCode = init.errCode;
    this.errMsg = init.errMsg;
  }

  toJSON(): CloudCallErrorInit {
    return {
      code: this.code,
      functionName: this.functionName,
      message: this.message,
      details: this.details,
      errCode: this.errCode,
      errMsg: this.errMsg,
    };
  }
}

export function isCloudCallError(value: unknown): value is CloudCallError {
  return value instanceof CloudCallError;
}
