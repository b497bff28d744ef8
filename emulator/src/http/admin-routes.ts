/**
 * `POST /admin` and `POST /admin/i/<invocationId>`: the TCB admin protocol the real
 * wx-server-sdk speaks (it appends `?env=…&seqId=…`). The per-invocation form attributes each
 * database call to the function invocation that made it. `cloud.callFunction()` made inside a
 * function arrives here too and goes to the function host; `cloud.openapi.*` to openapi/.
 */
import { handleStorageAction, isStorageAction, storageFor } from '../storage';
import { INVOKE_FUNCTION_ACTION, invokeFromSdk } from '../functions/invoke-action';
import { handleOpenApiRequest, isMultipart } from '../openapi';
import { isJsonObject, readJsonBody } from './body';
import { ERR_INVALID_PARAM, HttpError } from './http-error';
import { sendJson } from './reply';
import type { RouteHandler, RouteModule } from './route-types';

export const adminRoutes: RouteModule = (ctx) => {
  const handler: RouteHandler = async (req, res, match) => {
    // Cloud calls (`wx.openApi`) are the one action the SDK sends as multipart/form-data.
    if (isMultipart(req)) {
      await handleOpenApiRequest(ctx, req, res, match.params.invocationId);
      return;
    }
    const body = await readJsonBody(req, undefined, 'INVALID_PARAM');
    if (!isJsonObject(body) || typeof body.action !== 'string') {
      throw new HttpError(
        400,
        ERR_INVALID_PARAM,
        'request body must be a JSON object with an "action" (TCB admin protocol)',
        'INVALID_PARAM',
      );
    }
    const invocationId = match.params.invocationId;
    if (body.action === INVOKE_FUNCTION_ACTION) {
      sendJson(res, 200, await invokeFromSdk(ctx.functions, body, invocationId));
      return;
    }
    const callContext = invocationId
      ? { invocationId, functionName: ctx.functions.functionNameOf(invocationId) }
      : {};
    // The protocol always answers 200: errors travel as `{code, message}` in the body.
    // `storage.*` actions (the server SDK's uploadFile/getTempFileURL/deleteFile) go to storage.
    if (isStorageAction(body)) {
      sendJson(res, 200, await handleStorageAction(storageFor(ctx), body, ctx.url()));
      return;
    }
    sendJson(res, 200, await ctx.database.handle(body, callContext));
  };
  return [
    { method: 'POST', path: '/admin', handler },
    { method: 'POST', path: '/admin/i/:invocationId', handler },
  ];
};
