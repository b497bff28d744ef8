/** `POST /api/functions/:name/call`: a call as the mini program's wx.cloud.callFunction makes it. */
import { DEFAULT_APPID } from '../functions/invocation-env';
import type { EmulatorContext } from '../http/context';
import { toJson } from './invocation-log';
import type { CallResponse } from './types';

export async function simulateCall(
  ctx: EmulatorContext,
  name: string,
  data: unknown,
  openid: string,
): Promise<CallResponse> {
  const started = Date.now();
  const outcome = await ctx.functions.invoke(name, data, {
    openid,
    appid: DEFAULT_APPID,
    clientIp: '127.0.0.1',
    source: 'wx_client',
  });
  const durationMs = Date.now() - started;
  if (outcome.ok) {
    const response: CallResponse = {
      ok: true,
      result: toJson(JSON.parse(outcome.resultJson) as unknown),
      durationMs,
    };
    if (outcome.requestId) response.requestId = outcome.requestId;
    return response;
  }
  const response: CallResponse = {
    ok: false,
    errCode: outcome.errCode,
    errMsg: ctx.withoutPaths(outcome.errMsg),
    durationMs,
  };
  if (outcome.requestId) response.requestId = outcome.requestId;
  return response;
}
