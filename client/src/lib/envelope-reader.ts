import { isErrorCode, type ErrorDetails } from '../../../contract/src/index';
import { CloudCallError } from './cloud-error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDetails(value: unknown): ErrorDetails | undefined {
  if (!isRecord(value)) return undefined;
  const details: ErrorDetails = {};
  if (typeof value.field === 'string') details.field = value.field;
  if (typeof value.reason === 'string') details.reason = value.reason;
  if (typeof value.requestId === 'string') details.requestId = value.requestId;
  // RATE_LIMITED: how long until a try can succeed (the phone button stays disabled that long).
  if (typeof value.retryAfter === 'number' && Number.isFinite(value.retryAfter)) {
    details.retryAfter = value.retryAfter;
  }
  return details;
}

/**
 * Checks the envelope a function returned and unwraps its data.
 * The data itself is trusted to match the contract (both sides compile against it); only the
 * envelope is checked, so an out-of-date or foreign function fails loudly, not with undefined.
 */
export function readEnvelope<T>(functionName: string, result: unknown): T {
  const malformed = (why: string) =>
    new CloudCallError({
      code: 'MALFORMED_RESULT',
      functionName,
      message: `服务返回的数据格式不正确（${why}）`,
    });
  if (!isRecord(result)) throw malformed('不是对象');
  if (result.ok === true) {
    if (!('data' in result) || result.data === undefined) throw malformed('缺少 data');
    return result.data as T;
  }
  if (result.ok !== false || !isRecord(result.error)) throw malformed('缺少 ok/error');
  const { code, message, details } = result.error;
  if (!isErrorCode(code)) throw malformed(`未知错误码 ${String(code)}`);
  throw new CloudCallError({
    code,
    functionName,
    message: typeof message === 'string' && message !== '' ? message : undefined,
    details: readDetails(details),
  });
}

/** The server's clock reading (ms) every function adds to its envelope, when present. */
export function readServerTime(result: unknown): number | undefined {
  if (!isRecord(result)) return undefined;
  const { serverTime } = result;
  return typeof serverTime === 'number' && Number.isFinite(serverTime) ? serverTime : undefined;
}
