/**
 * The caller of an HTTP request to the emulator, from the identity headers the bridge and tests
 * send (`x-wx-openid` and friends). Carried by http/ because both function calls and client
 * database requests read it.
 */
import type { IncomingMessage } from 'node:http';
import type { CallerIdentity } from '../shared/caller-identity';
import { DEFAULT_APPID } from '../shared/default-appid';
import { HttpError } from './http-error';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

/** The caller as Cloud Development injects it; the OPENID header is required. */
export function identityFromHeaders(req: IncomingMessage): CallerIdentity {
  const openid = header(req, 'x-wx-openid');
  if (!openid) {
    throw new HttpError(
      401,
      'INVALID_PARAM',
      'missing x-wx-openid header: every function call needs the caller OPENID',
    );
  }
  const remote = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return {
    openid,
    appid: header(req, 'x-wx-appid') ?? DEFAULT_APPID,
    unionid: header(req, 'x-wx-unionid'),
    clientIp: header(req, 'x-wx-clientip') ?? remote,
    source: header(req, 'x-wx-source') ?? 'wx_client',
  };
}
