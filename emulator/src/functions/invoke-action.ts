/**
 * `cloud.callFunction()` from inside a function: the SDK posts `functions.invokeFunction` to
 * the same admin URL as its database calls. The callee runs on this host with the caller's
 * identity (source `scf`), and the reply takes the shape the SDK expects.
 */
import { DEFAULT_APPID, type CallerIdentity } from './invocation-env';
import { ERR_FUNCTION_CALL_FAIL } from './errors';
import type { FunctionHost } from './host';

export const INVOKE_FUNCTION_ACTION = 'functions.invokeFunction';

function parseRequestData(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export async function invokeFromSdk(
  host: FunctionHost,
  body: Record<string, unknown>,
  callerRequestId: string | undefined,
): Promise<Record<string, unknown>> {
  const caller = callerRequestId ? host.identityOf(callerRequestId) : undefined;
  const identity: CallerIdentity = {
    openid: caller?.openid ?? '',
    appid: caller?.appid ?? DEFAULT_APPID,
    unionid: caller?.unionid,
    clientIp: caller?.clientIp ?? '127.0.0.1',
    source: 'scf',
  };
  const name = typeof body.function_name === 'string' ? body.function_name : '';
  const outcome = await host.invoke(name, parseRequestData(body.request_data), identity);
  if (outcome.ok) {
    return { requestId: outcome.requestId, data: { response_data: outcome.resultJson } };
  }
  return {
    code:
      outcome.errCode === ERR_FUNCTION_CALL_FAIL
        ? 'FUNCTIONS_REQUEST_FAIL'
        : 'FUNCTIONS_EXECUTE_FAIL',
    message: outcome.errMsg,
    requestId: outcome.requestId ?? '',
  };
}
