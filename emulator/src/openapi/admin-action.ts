/**
 * `wx.openApi` over HTTP: the SDK posts it to the admin URL as multipart/form-data (not JSON).
 * The per-invocation admin URL (`/admin/i/<invocationId>`) tells which function is calling, and
 * so which config.json grants its permissions.
 */
import { findFunction } from '../config/cloudbaserc';
import { DEFAULT_APPID } from '../shared/default-appid';
import type { EmulatorContext } from '../app/context';
import { badRequest } from '../http/http-error';
import type { RouteInput } from '../http/route-types';
import { MultipartError, readMultipart } from '../http/multipart';
import { allowedOpenApis } from './permissions';
import type { OpenApiCaller } from './service';
import { openapiFor } from './openapi-instance';
import { WireError } from './wire';

export const OPENAPI_ACTION = 'wx.openApi';

function callerOf(ctx: EmulatorContext, invocationId: string | undefined): OpenApiCaller {
  const functionName = invocationId ? (ctx.functions.functionNameOf(invocationId) ?? '') : '';
  const fn = functionName ? findFunction(ctx.project, functionName) : undefined;
  const identity = invocationId ? ctx.functions.identityOf(invocationId) : undefined;
  return {
    functionName,
    // Outside a function invocation there is no config.json, so nothing is granted.
    allowed: fn ? allowedOpenApis(fn.dir) : new Set(),
    appid: identity?.appid || DEFAULT_APPID,
    openid: identity?.openid ?? '',
  };
}

/** Answers one multipart admin request (only `wx.openApi` is emulated in that form). */
export async function handleOpenApiRequest(
  ctx: EmulatorContext,
  { req, res, raw }: Pick<RouteInput, 'req' | 'res' | 'raw'>,
  invocationId: string | undefined,
): Promise<void> {
  let reply: Buffer;
  try {
    const { fields, binaries } = await readMultipart(req, raw);
    if (fields.action !== OPENAPI_ACTION) {
      throw badRequest(
        `action ${fields.action ?? '(none)'} is not emulated in multipart form (only ${OPENAPI_ACTION})`,
      );
    }
    const apiName = fields.apiName ?? '';
    const requestData = binaries.requestData ?? Buffer.from(fields.requestData ?? '', 'utf8');
    reply = await openapiFor(ctx).handle(apiName, requestData, callerOf(ctx, invocationId));
  } catch (error) {
    if (error instanceof MultipartError || error instanceof WireError) {
      throw badRequest(error.message);
    }
    throw error;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': reply.length,
  });
  res.end(reply);
}
