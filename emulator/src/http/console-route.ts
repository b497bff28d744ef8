/**
 * A console API route (`/api/...`): called by the console's own page (or curl), so same-origin
 * only, also for GETs that run queries; JSON bodies only (a page elsewhere can send text/plain
 * without asking), at most CONSOLE_BODY_LIMIT_BYTES. Capabilities that add console routes
 * (clock, triggers...) build them with this too.
 */
import type { HttpMethod, Route, RouteHandler } from './route-types';

/** Bodies the console sends are small (a document, a call event). */
export const CONSOLE_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export function consoleRoute(method: HttpMethod, path: string, handler: RouteHandler): Route {
  const takesBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return {
    method,
    path,
    handler,
    callers: 'same-origin',
    ...(takesBody
      ? { body: { limit: CONSOLE_BODY_LIMIT_BYTES, parse: 'json', types: ['application/json'] } }
      : {}),
  };
}
