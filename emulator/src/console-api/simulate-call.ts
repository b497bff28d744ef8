/** `POST /api/functions/:name/call`: a call as the mini program's wx.cloud.callFunction makes it. */
import { DEFAULT_APPID } from '../functions/invocation-env';
import type { EmulatorContext } from '../app/context';
import { openapiFor } from '../openapi/openapi-instance';
import { toJson } from './invocation-log';
import type { CallResponse } from './types';

export async function simulateCall(
  ctx: EmulatorContext,
  name: string,
  data: unknown,
  openid: string,
): Promise<CallResponse> {
  const started = Date.now();
  // No OPENID: a platform message push (e.g. 授权用户信息变更), which carries no caller identity.
  // Its TCB_SOURCE on CloudBase is not documented; `wx_message_push` is this emulator's label.
  const event = openapiFor(ctx).openData.decodeEvent(data, openid, DEFAULT_APPID);
  const outcome = await ctx.functions.invoke(name, event, {
    openid,
    appid: DEFAULT_APPID,
    clientIp: '127.0.0.1',
    source: openid === '' ? 'wx_message_push' : 'wx_client',
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
