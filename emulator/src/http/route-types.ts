/**
 * How a capability adds HTTP routes: its folder's index.ts exports a RouteModule (app/context.ts:
 * a function of the emulator context returning Route[]) and app/route-modules.ts lists it. A route declares what
 * it accepts (callers, body); the pipeline (http/pipeline.ts) enforces that in front of it, so a
 * handler only does its own work.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * Who may call a route, judged from the browser's own headers (`Origin`, `Sec-Fetch-Site`),
 * which a web page cannot forge:
 * - `same-origin` (default): tools without those headers, or the console's own page.
 * - `no-browser`: machine-to-machine only (the SDK, the bridge): any `Origin` is refused.
 * - `any`: also other sites' pages (top-level navigation to the console).
 */
export type CallerPolicy = 'same-origin' | 'no-browser' | 'any';

export interface BodySpec {
  /** Larger bodies get 413 (drained, so the client reads the reply). */
  limit: number;
  /** `json`: parsed into `input.body` (empty body: undefined); `bytes`: only `input.raw`. */
  parse: 'json' | 'bytes';
  /** Accepted Content-Types of a non-empty body (media type only); omitted = any. */
  types?: readonly string[];
}

export interface RouteInput {
  req: IncomingMessage;
  res: ServerResponse;
  /** `:name` segments by name, decoded; a trailing `*` is in `params['*']`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Path without the query string (as sent, not decoded). */
  path: string;
  /** The parsed JSON body (`parse: 'json'`), else undefined. */
  body: unknown;
  /** The body's bytes (empty when the route declares no body). */
  raw: Buffer;
}

/** Returns a value to send as JSON 200, or undefined when it answered `res` itself. */
export type RouteHandler = (input: RouteInput) => unknown;

export interface Route {
  method: HttpMethod | readonly HttpMethod[];
  /** `/functions/:name`, `/admin/i/:invocationId`, `/api/*`. Catch-alls match last. */
  path: string;
  handler: RouteHandler;
  callers?: CallerPolicy;
  /** Without it a request body is refused (413), never read. */
  body?: BodySpec;
}
