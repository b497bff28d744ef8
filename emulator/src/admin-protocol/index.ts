/**
 * `POST /admin` and `POST /admin/i/<invocationId>`: the TCB admin protocol the real
 * wx-server-sdk speaks (it appends `?env=…&seqId=…`). The per-invocation form attributes each
 * call to the function invocation that made it. Only machines speak it: no browser page may,
 * and only the content types the SDK sends are read (a page can send text/plain anywhere).
 */
import { JSON_BODY_LIMIT_BYTES, mediaType, parseJson } from '../http/body';
import { badRequest } from '../http/http-error';
import type { RouteHandler } from '../http/route-types';
import type { RouteModule } from '../app/context';
import { handleOpenApiRequest } from '../openapi';
import { isPlainObject } from '../shared/plain-object';
import { adminActions } from './actions';

/** JSON for every call; multipart for the SDK's cloud calls (wx.openApi and friends). */
export const ADMIN_CONTENT_TYPES = ['application/json', 'multipart/form-data'] as const;

export const adminProtocolRoutes: RouteModule = (ctx) => {
  const handler: RouteHandler = async (input) => {
    const { req, raw, params } = input;
    // Cloud calls (`wx.openApi`) are the one action the SDK sends as multipart/form-data.
    if (mediaType(req) === 'multipart/form-data') {
      return handleOpenApiRequest(ctx, input, params.invocationId);
    }
    const body = parseJson(raw);
    if (!isPlainObject(body) || typeof body.action !== 'string') {
      throw badRequest('request body must be a JSON object with an "action" (TCB admin protocol)');
    }
    const call = {
      body: body as Record<string, unknown> & { action: string },
      invocationId: params.invocationId,
    };
    const action = adminActions.find((entry) => entry.matches(call.body.action));
    return action?.handle(call, ctx);
  };
  const spec = {
    callers: 'no-browser',
    body: { limit: JSON_BODY_LIMIT_BYTES, parse: 'bytes', types: ADMIN_CONTENT_TYPES },
  } as const;
  return [
    { method: 'POST', path: '/admin', handler, ...spec },
    { method: 'POST', path: '/admin/i/:invocationId', handler, ...spec },
  ];
};
