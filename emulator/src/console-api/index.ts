/**
 * The web console as a route module: its JSON API under `/api/*` (data, functions and the
 * invocation log, tools) and the built page at `/`. Unknown `/api/...` paths answer a JSON 404
 * rather than the page; both catch-alls match after every other module's routes.
 */
import type { ServerResponse } from 'node:http';
import type { InvocationEvent } from '../functions/events';
import { notFound } from '../http/http-error';
import type { RouteModule } from '../app/context';
import { dataRoutes } from './data-routes';
import { functionRoutes } from './function-routes';
import { InvocationLog } from './invocation-log';
import { projectRoutes } from './project-routes';
import { rulesRoutes } from './rules-routes';
import { serveConsoleFile } from './static-files';
import { storageRulesRoutes } from './storage-rules-routes';
import { toolsRoutes } from './tools-routes';

export * from './types';
export { consoleRoute } from '../http/console-route';

/** Invocations kept for the log. */
const LOG_SIZE = 500;

export const consoleApiRoutes: RouteModule = (ctx) => {
  const log = new InvocationLog(LOG_SIZE);
  const streams = new Set<ServerResponse>();
  const onInvocation = (invocation: InvocationEvent): void => void log.add(invocation);
  ctx.events.on('invocation', onInvocation);
  // Open event streams would keep the server from closing.
  ctx.onStop(() => {
    ctx.events.off('invocation', onInvocation);
    for (const res of streams) res.end();
    streams.clear();
  });
  return [
    ...dataRoutes(ctx),
    ...functionRoutes(ctx, log, streams),
    ...toolsRoutes(ctx),
    ...rulesRoutes(ctx),
    ...storageRulesRoutes(ctx),
    ...projectRoutes(ctx),
    {
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      path: '/api/*',
      handler: ({ path }) => {
        throw notFound(`no console API at ${path}`);
      },
    },
    {
      method: ['GET', 'HEAD'],
      path: '/*',
      // A link from another site may open the console (it is only a page); framing and
      // sniffing are refused by its headers, and its API calls by their own checks.
      callers: 'any',
      handler: ({ req, res, params }) =>
        serveConsoleFile(ctx.consoleDir, params['*'] ?? '', req, res),
    },
  ];
};
