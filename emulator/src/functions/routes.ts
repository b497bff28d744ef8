/**
 * `POST /functions/<name>`: the HTTP contract other tools depend on.
 * Request `{"data": <event>}` with identity headers; success 200 `{"result", "requestID"}`;
 * failure non-2xx `{"errCode", "errMsg"}`.
 */
import { JSON_BODY_LIMIT_BYTES } from '../http/body';
import { badRequest } from '../http/http-error';
import { sendJson, sendRawJson } from '../http/reply';
import type { RouteModule } from '../app/context';
import { openapiFor } from '../openapi/openapi-instance';
import { isPlainObject } from '../shared/plain-object';
import { identityFromHeaders } from '../http/caller-headers';

/**
 * The event from `{"data": <event>}`. An empty body is an empty event; a body with other keys
 * and no `data` is the event sent unwrapped, a common mistake that once arrived silently as {}.
 */
function eventOf(body: Record<string, unknown>): unknown {
  if (body.data !== undefined) return body.data;
  const keys = Object.keys(body);
  if (keys.length === 0) return {};
  const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', ...' : '');
  throw badRequest(
    `request body must be {"data": <event>}: got keys ${shown} and no "data" ` +
      '(wrap the event: {"data": {...}})',
  );
}

export const functionRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/functions/:name',
    // Any Content-Type (curl -d sends a form type) but never from another site's page: the
    // identity headers would let it act as any user.
    callers: 'same-origin',
    body: { limit: JSON_BODY_LIMIT_BYTES, parse: 'json' },
    handler: async ({ req, res, params, body: parsed }) => {
      const body = parsed ?? {};
      if (!isPlainObject(body)) {
        throw badRequest('request body must be a JSON object: {"data": <event>}');
      }
      const identity = identityFromHeaders(req);
      // Top-level wx.cloud.CloudID values arrive decoded, as production's gateway does.
      const data = openapiFor(ctx).openData.decodeEvent(
        eventOf(body),
        identity.openid,
        identity.appid,
      );
      const outcome = await ctx.functions.invoke(params.name ?? '', data, identity);
      if (outcome.ok) {
        // The result is already JSON (from the instance); pass it through without re-encoding.
        const requestId = JSON.stringify(outcome.requestId);
        sendRawJson(res, 200, `{"result":${outcome.resultJson},"requestID":${requestId}}`);
        return;
      }
      const failure: Record<string, string | number> = {
        errCode: outcome.errCode,
        // Load errors and stacks name files of this machine; the answer does not.
        errMsg: ctx.withoutPaths(outcome.errMsg),
      };
      if (outcome.requestId) failure.requestID = outcome.requestId;
      sendJson(res, outcome.status, failure);
    },
  },
];
