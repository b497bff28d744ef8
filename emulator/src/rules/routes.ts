/**
 * `POST /client/database`: the client database (what `wx.cloud.database()` sends), as the
 * OPENID in `x-wx-openid`. Unlike `/admin` (cloud functions, admin rights), every request here
 * is judged by the collection's security rule. The body is the builder's request
 * (`{ action, collectionName, query, ... }`); the reply is the TCB protocol's, always HTTP 200
 * with `{ code, message }` for errors.
 */
import { identityFromHeaders } from '../http/caller-headers';
import { JSON_BODY_LIMIT_BYTES } from '../http/body';
import { badRequest } from '../http/http-error';
import type { RouteModule } from '../app/context';
import { isPlainObject } from '../shared/plain-object';

export const CLIENT_DATABASE_PATH = '/client/database';

export const clientDatabaseRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: CLIENT_DATABASE_PATH,
    // Only the Node bridge calls it (as a mini program would); no browser page, not even the
    // console's, has a reason to act as a user here.
    callers: 'no-browser',
    body: { limit: JSON_BODY_LIMIT_BYTES, parse: 'json', types: ['application/json'] },
    handler: async ({ req, body }) => {
      const { openid } = identityFromHeaders(req);
      if (!isPlainObject(body)) throw badRequest('request body must be a JSON object');
      const { reply } = await ctx.rules.handle(body, openid);
      return reply;
    },
  },
];
