/**
 * Who is calling, judged from headers a web page cannot forge or drop: browsers send
 * `Sec-Fetch-Site` with every request (also no-cors GETs) and `Origin` with every non-GET.
 * Tools (the SDK, the bridge, curl, tests) send neither. Sound only because host-check has
 * already refused foreign Host names: otherwise DNS rebinding makes any page "same-origin".
 */
import type { IncomingMessage } from 'node:http';
import { forbidden } from '../http-error';
import type { Middleware } from '../pipeline';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** True when the Origin header names this very server (scheme-less compare of host:port). */
function isOwnOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    // "null" (sandboxed frames, file: pages) or garbage: never our own page.
    return false;
  }
}

/** A one-line reason when the request comes from a page the route does not accept. */
export function refusal(req: IncomingMessage, policy: string): string | undefined {
  if (policy === 'any') return undefined;
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site');
  if (policy === 'no-browser') {
    if (origin !== undefined)
      return `browser requests (Origin ${origin}) may not use this endpoint`;
    if (site === 'cross-site' || site === 'same-site') {
      return `browser requests (Sec-Fetch-Site ${site}) may not use this endpoint`;
    }
    return undefined;
  }
  if (origin !== undefined && !isOwnOrigin(req, origin)) {
    return `requests from ${origin} may not use the emulator`;
  }
  if (site === 'cross-site' || site === 'same-site') {
    return `requests from another site (Sec-Fetch-Site ${site}) may not use the emulator`;
  }
  return undefined;
}

export function callerCheck(): Middleware {
  return async ({ req, route }, next) => {
    const reason = route ? refusal(req, route.callers ?? 'same-origin') : undefined;
    if (reason) throw forbidden('CROSS_SITE_REFUSED', reason);
    await next();
  };
}
