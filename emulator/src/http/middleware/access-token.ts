/**
 * Off loopback (`--host 0.0.0.0`), anyone on the network can reach the emulator: then every
 * route but /healthz needs the access token printed at start. It may come as
 * `?access_token=` (the printed console URL; a cookie is set so the page's own calls carry
 * it), `Authorization: Bearer <token>`, or that cookie.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http-error';
import type { Middleware } from '../pipeline';

export const ACCESS_TOKEN_PARAM = 'access_token';
export const ACCESS_TOKEN_COOKIE = 'wx_emulator_token';
/** Readiness probes (load balancers, scripts) carry no credentials and learn nothing. */
const OPEN_PATHS = new Set(['/healthz']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ACCESS_TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

export function accessToken(expected: string | undefined): Middleware {
  return async ({ req, res }, next) => {
    if (expected === undefined) return next();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    if (OPEN_PATHS.has(url.pathname)) return next();
    const fromQuery = url.searchParams.get(ACCESS_TOKEN_PARAM) ?? undefined;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const given = fromQuery ?? bearer ?? cookieToken(req);
    if (given === undefined || !sameToken(given, expected)) {
      throw new HttpError(
        401,
        'ACCESS_TOKEN_REQUIRED',
        'this emulator listens off loopback: open the URL it printed at start (it carries the access token)',
      );
    }
    if (fromQuery !== undefined) {
      res.setHeader(
        'set-cookie',
        `${ACCESS_TOKEN_COOKIE}=${expected}; Path=/; HttpOnly; SameSite=Strict`,
      );
    }
    await next();
  };
}
