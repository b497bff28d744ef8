/**
 * `POST /client/database`: the client database (what `wx.cloud.database()` sends), as the
 * OPENID in `x-wx-openid`. Unlike `/admin` (cloud functions, admin rights), every request here
 * is judged by the collection's security rule. The body is the builder's request
 * (`{ action, collectionName, query, ... }`); the reply is the TCB protocol's, always HTTP 200
 * with `{ code, message }` for errors.
 */
import { identityFromHeaders } from '../functions/routes';
import { isJsonObject, readJsonBody } from '../http/body';
import { ERR_INVALID_PARAM, HttpError } from '../http/http-error';
import { sendJson } from '../http/reply';
import type { RouteModule } from '../http/route-types';

export const CLIENT_DATABASE_PATH = '/client/database';

export const clientDatabaseRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: CLIENT_DATABASE_PATH,
    handler: async (req, res) => {
      const { openid } = identityFromHeaders(req);
      const body = await readJsonBody(req, undefined, 'INVALID_PARAM');
      if (!isJsonObject(body)) {
        throw new HttpError(
          400,
          ERR_INVALID_PARAM,
          'request body must be a JSON object',
          'INVALID_PARAM',
        );
      }
      const { reply } = await ctx.rules.handle(body, openid);
      sendJson(res, 200, reply);
    },
  },
];
