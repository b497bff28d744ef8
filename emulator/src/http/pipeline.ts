/**
 * The one HTTP pipeline: every request runs the same ordered chain of small middlewares, as
 * Vite's dev server does. The checks every request needs (host, access token, caller, body
 * size and type) sit in front of every route, so a new route cannot forget them.
 *
 *   error handler -> security headers -> host check -> access token -> route match
 *   -> caller check -> body reader -> route handler
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger';
import { accessToken } from './middleware/access-token';
import { bodyReader } from './middleware/body-reader';
import { callerCheck } from './middleware/caller-check';
import { errorHandler } from './middleware/error-handler';
import { hostCheck } from './middleware/host-check';
import { routeMatch } from './middleware/route-match';
import { runRoute } from './middleware/run-route';
import { securityHeaders } from './middleware/security-headers';
import type { PathScrubber } from './public-message';
import type { Route, RouteInput } from './route-types';
import { Router } from './router';

/** One request on its way through the chain; each middleware fills in what it found. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The matched route (set by route-match). */
  route?: Route;
  /** What the handler receives (params and query by route-match, body by body-reader). */
  input?: RouteInput;
}

export type Middleware = (exchange: Exchange, next: () => Promise<void>) => Promise<void>;

/** Settings of the checks in front of every route (cli: --allowed-host, --access-token). */
export interface HttpSecurity {
  /** Host names (no port) accepted besides localhost, *.localhost, 127.0.0.1 and [::1]. */
  allowedHosts: readonly string[];
  /** When set, every route but /healthz needs it (query, Bearer header or cookie). */
  accessToken?: string;
  /** Takes this machine's folders out of error text (http/public-message.ts). */
  withoutPaths: PathScrubber;
}

export function createPipeline(
  routes: Route[],
  security: HttpSecurity,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const chain: Middleware[] = [
    errorHandler(logger, security.withoutPaths),
    securityHeaders(),
    hostCheck(security.allowedHosts),
    accessToken(security.accessToken),
    routeMatch(new Router(routes)),
    callerCheck(),
    bodyReader(),
    runRoute(),
  ];
  return (req, res) => {
    const exchange: Exchange = { req, res, method: req.method ?? 'GET' };
    const run = async (index: number): Promise<void> => {
      const middleware = chain[index];
      if (middleware) await middleware(exchange, () => run(index + 1));
    };
    return run(0);
  };
}
