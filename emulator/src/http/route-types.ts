/**
 * How a module adds HTTP routes: it exports a RouteModule (a function of the emulator context
 * returning Route[]) and server/routes.ts lists it. No module edits another's file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RouteMatch {
  /** `:name` segments by name; a trailing `*` is in `params['*']` (the rest of the path). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Path without the query string (as sent, not decoded). */
  path: string;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  match: RouteMatch,
) => void | Promise<void>;

export interface Route {
  method: HttpMethod | readonly HttpMethod[];
  /** `/functions/:name`, `/admin/i/:invocationId`, `/api/*`. First matching route wins. */
  path: string;
  handler: RouteHandler;
}

export type RouteModule = (ctx: EmulatorContext) => Route[];
