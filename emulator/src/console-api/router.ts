import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, notFound, readJsonBody, sendError, sendJson } from './http';

/** What a route handler sees: decoded path parameters, the query string and the parsed body. */
export interface RouteInput {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  req: IncomingMessage;
  res: ServerResponse;
}

/** Returns the JSON body to send with 200, or `undefined` when it has answered `res` itself (SSE). */
export type RouteHandler = (input: RouteInput) => Promise<unknown> | unknown;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Route {
  method: Method;
  segments: string[];
  handler: RouteHandler;
}

/**
 * A tiny method + path table (`/api/collections/:name`). The console API has about twenty fixed
 * routes, so a dependency-free matcher is clearer than pulling a web framework into the emulator.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: Method, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Answers the request when a route's path matches; resolves false when none does. */
  async dispatch(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    const candidates = this.routes
      .map((route) => ({ route, params: match(route.segments, parts) }))
      .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== null);
    if (candidates.length === 0) return false;
    const found = candidates.find((c) => c.route.method === req.method);
    try {
      if (!found) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} not allowed here`);
      if (req.method !== 'GET') refuseCrossSite(req);
      const body =
        req.method === 'POST' || req.method === 'PUT' ? await readJsonBody(req) : undefined;
      const input: RouteInput = { params: found.params, query: url.searchParams, body, req, res };
      const result = await found.route.handler(input);
      if (result !== undefined) sendJson(res, 200, result);
    } catch (error) {
      if (!res.headersSent) sendError(res, error);
      else res.end();
    }
    return true;
  }
}

/**
 * A page on another site open in the developer's browser could otherwise POST /api/reset or
 * /api/import to the emulator on localhost (a "simple" request needs no CORS preflight).
 * Browsers always send Origin with such requests; tools such as curl and tests send none.
 */
function refuseCrossSite(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host = '';
  try {
    host = new URL(origin).host;
  } catch {
    // An unparsable Origin (e.g. "null" from a sandboxed frame) is cross-site too.
  }
  if (host !== req.headers.host) {
    throw new HttpError(
      403,
      'CROSS_SITE_REFUSED',
      `requests from ${origin} may not change the emulator`,
    );
  }
}

function match(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = parts[i] as string;
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null;
      }
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

/** Unknown /api/ paths answer 404 JSON rather than falling through to the static console. */
export function apiNotFound(res: ServerResponse, path: string): void {
  sendError(res, notFound(`no console API at ${path}`));
}
