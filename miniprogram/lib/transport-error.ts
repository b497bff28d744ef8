import { CloudCallError, type TransportErrorCode } from './cloud-error';

/**
 * errCodes wx.cloud.callFunction reports (see docs/client.md):
 * -504002 the function threw or timed out, -404011 the same on older base libraries,
 * -504001 the call itself failed (for example no such function).
 */
const FUNCTION_FAILED_CODES = new Set([-504002, -404011]);
const CALL_FAILED_CODE = -504001;

function readErrCode(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const code = (raw as { errCode?: unknown }).errCode;
  if (typeof code === 'number') return code;
  // Some base libraries report the code as a numeric string.
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return undefined;
}

function readErrMsg(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw !== 'object' || raw === null) return String(raw);
  const { errMsg, message } = raw as { errMsg?: unknown; message?: unknown };
  if (typeof errMsg === 'string') return errMsg;
  if (typeof message === 'string') return message;
  return '';
}

function classify(errCode: number | undefined, errMsg: string): TransportErrorCode {
  if (/timeout|timed out|超时/i.test(errMsg)) return 'TIMEOUT';
  if (errCode !== undefined && FUNCTION_FAILED_CODES.has(errCode)) return 'FUNCTION_FAILED';
  if (errCode === CALL_FAILED_CODE) {
    return /not ?found|not exist|could not be found|不存在/i.test(errMsg)
      ? 'FUNCTION_NOT_FOUND'
      : 'FUNCTION_FAILED';
  }
  if (/request:fail|network|网络|ECONNREFUSED|ECONNRESET/i.test(errMsg)) return 'NETWORK';
  return 'UNKNOWN';
}

/** Turns whatever wx.cloud.callFunction rejected with into a CloudCallError. */
export function fromTransportFailure(functionName: string, raw: unknown): CloudCallError {
  const errCode = readErrCode(raw);
  const errMsg = readErrMsg(raw);
  return new CloudCallError({ code: classify(errCode, errMsg), functionName, errCode, errMsg });
}
