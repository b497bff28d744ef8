/**
 * Registers the console with the emulator's HTTP server: the JSON API under `/api/*` and the
 * built web console at `/`. This module comes last in server/routes.ts, so `/*` only gets
 * what no other module claimed.
 */
import { DEFAULT_APPID } from '../functions/invocation-env';
import type { EmulatorContext } from '../http/context';
import type { RouteModule } from '../http/route-types';
import { createConsoleApi } from './index';
import { serveConsoleFile } from './static-files';
import { toJson } from './invocation-log';
import { consoleStorage } from './storage-adapter';
import type { JsonObject } from './types';

export const consoleApiRoutes: RouteModule = (ctx) => {
  const api = createConsoleApi({
    database: ctx.database,
    events: ctx.events,
    listFunctions: () =>
      ctx.functions.list().map((fn) => ({ name: fn.name, config: toJson(fn.raw) as JsonObject })),
    callFunction: (name, data, { openid }) => simulateCall(ctx, name, data, openid),
    projectDir: ctx.project.dir,
    storage: consoleStorage(ctx),
  });
  // Open event streams would keep the server from closing.
  ctx.onStop(() => api.close());
  return [
    {
      method: ['GET', 'POST', 'PUT', 'DELETE'],
      path: '/api/*',
      handler: async (req, res) => {
        await api.handle(req, res);
      },
    },
    {
      method: ['GET', 'HEAD'],
      path: '/*',
      handler: (req, res, match) =>
        serveConsoleFile(ctx.consoleDir, match.params['*'] ?? '', req, res),
    },
  ];
};

/** A call as the mini program `wx.cloud.callFunction` makes it, as `openid`. */
async function simulateCall(
  ctx: EmulatorContext,
  name: string,
  data: unknown,
  openid: string,
): Promise<unknown> {
  const outcome = await ctx.functions.invoke(name, data, {
    openid,
    appid: DEFAULT_APPID,
    clientIp: '127.0.0.1',
    source: 'wx_client',
  });
  if (outcome.ok)
    return { result: JSON.parse(outcome.resultJson) as unknown, requestID: outcome.requestId };
  throw Object.assign(new Error(outcome.errMsg), {
    errCode: outcome.errCode,
    errMsg: outcome.errMsg,
    requestId: outcome.requestId,
  });
}
