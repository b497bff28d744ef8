/**
 * Headers on every answer: no content sniffing (a JSON or text reply never runs as a page) and
 * no framing (a page elsewhere cannot overlay the console to steer clicks). The console's own
 * pages add a full Content-Security-Policy (console-api/static-files.ts).
 */
import type { Middleware } from '../pipeline';

export function securityHeaders(): Middleware {
  return async ({ res }, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    await next();
  };
}
