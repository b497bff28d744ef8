/**
 * The Simulate tab's answers: `POST /api/functions/:name/call` (a call as the mini program's
 * wx.cloud.callFunction makes it) and the shape a push to a named function is answered in.
 */
import { DEFAULT_APPID } from '../functions/invocation-env';
import type { EmulatorContext } from '../app/context';
import { openapiFor } from '../openapi/openapi-instance';
import type { PushDelivery } from '../pushes';
import { toJson } from './invocation-log';
import type { CallResponse } from './types';

export async function simulateCall(
  ctx: EmulatorContext,
  name: string,
  data: unknown,
  openid: string,
): Promise<CallResponse> {
  const started = Date.now();
  const event = openapiFor(ctx).openData.decodeEvent(data, openid, DEFAULT_APPID);
  const outcome = await ctx.functions.invoke(name, event, {
    openid,
    appid: DEFAULT_APPID,
    clientIp: '127.0.0.1',
    source: 'wx_client',
  });
  return callResponse(
    outcome.ok
      ? { ok: true, result: JSON.parse(outcome.resultJson) as unknown }
      : { ok: false, errCode: outcome.errCode, errMsg: ctx.withoutPaths(outcome.errMsg) },
    outcome.requestId,
    Date.now() - started,
  );
}

/** A push's delivery, answered as the card that sent it shows a call. */
export function pushCallResponse(delivery: PushDelivery, durationMs: number): CallResponse {
  return callResponse(delivery, delivery.requestId, durationMs);
}

function callResponse(
  answer: { ok: boolean; result?: unknown; errCode?: number | string; errMsg?: string },
  requestId: string | undefined,
  durationMs: number,
): CallResponse {
  const response: CallResponse = answer.ok
    ? { ok: true, result: toJson(answer.result), durationMs }
    : { ok: false, errCode: answer.errCode, errMsg: answer.errMsg, durationMs };
  if (requestId) response.requestId = requestId;
  return response;
}
