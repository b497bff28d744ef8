import { CloudCallError, type TransportErrorCode } from './cloud-error';

/**
 * errCodes wx.cloud.callFunction reports (see docs/client.md). The code alone is not enough:
 * -504002 and -404011 cover a thrown error, a timeout and a function that is not deployed, so
 * the errMsg decides between them.
 */
const FUNCTION_CODES = new Set([-504002, -404011, -504001]);
const ENV_NOT_FOUND_CODE = -501000;
const QUOTA_CODES = new Set([-501003, -501004]);

/** Real shapes: `FunctionName parameter could not be found`, `[ResourceNotFound.Function]`. */
const NOT_DEPLOYED =
  /ResourceNotFound\.Function|FunctionName parameter could not be found|function "[^"]*" not found|未找到指定的\s*Function|函数不存在/i;
/** SCF's own wording when a function runs past its timeout. */
const FUNCTION_TIMED_OUT = /Invoking task timed out|timed out after|函数执行超时/i;
const ENV_MISSING = /env(ironment)? not (exists?|found)|ResourceNotFound\.Env|环境不存在/i;
const QUOTA = /LimitExceeded|quota|超出配额|配额/i;
const NETWORK = /request:fail|network|timeout|网络|超时|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i;

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
  if (errCode === ENV_NOT_FOUND_CODE || ENV_MISSING.test(errMsg)) return 'ENV_NOT_FOUND';
  if ((errCode !== undefined && QUOTA_CODES.has(errCode)) || /-50100[34]\b/.test(errMsg)) {
    return 'QUOTA_EXCEEDED';
  }
  if (errCode !== undefined && FUNCTION_CODES.has(errCode)) {
    if (NOT_DEPLOYED.test(errMsg)) return 'FUNCTION_NOT_FOUND';
    if (FUNCTION_TIMED_OUT.test(errMsg)) return 'TIMEOUT';
    return 'FUNCTION_FAILED';
  }
  if (NOT_DEPLOYED.test(errMsg)) return 'FUNCTION_NOT_FOUND';
  if (FUNCTION_TIMED_OUT.test(errMsg)) return 'TIMEOUT';
  if (QUOTA.test(errMsg)) return 'QUOTA_EXCEEDED';
  // Network-level timeouts (`request:fail timeout`, the client's own timer) are NETWORK: the
  // request may never have reached the function, so an idempotent call may try again.
  if (NETWORK.test(errMsg)) return 'NETWORK';
  return 'UNKNOWN';
}

/** Turns whatever wx.cloud.callFunction rejected with into a CloudCallError. */
export function fromTransportFailure(functionName: string, raw: unknown): CloudCallError {
  const errCode = readErrCode(raw);
  const errMsg = readErrMsg(raw);
  return new CloudCallError({ code: classify(errCode, errMsg), functionName, errCode, errMsg });
}
