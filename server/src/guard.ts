import type { AuthenticatedRequest, PublicUser } from '../../contract/src';
import { defineFunction } from './entry';
import type { CloudFunctionMain, Invocation } from './entry';
import { AppError } from './errors';
import { extendSession, findSession } from './sessions';
import { hashToken, isWellFormedToken } from './token';
import { findUser, toPublicUser, updateUser } from './users';
import { requireToken } from './validation/request';

export interface SessionInfo {
  createdAt: number;
  /** After any sliding renewal this call made. */
  expiresAt: number;
}

export interface SessionContext extends Invocation {
  session: SessionInfo;
  /** SHA-256 of the presented token (the session document's `_id`). */
  tokenHash: string;
  /** Only with `withUser: true`; read in parallel with the session. */
  user?: PublicUser;
}

export interface SessionOptions<Req> {
  /**
   * Also read the caller's user (one more read, in parallel: no extra latency); a function
   * decides per request (checkSession's `withUser`).
   */
  withUser?: boolean | ((request: Req) => boolean);
  /**
   * Validates the request before any database access; throw `invalidArgument(field, reason)`.
   * Without it the handler gets a `RawRequest`: only `token` is checked, every other field is
   * `unknown`, so an unchecked field cannot pass for a typed one.
   */
  parse?: (event: Record<string, unknown>) => Req;
}

/** The event of a function without a parser: the token checked, the rest as the client sent it. */
export type RawRequest = AuthenticatedRequest & Readonly<Record<string, unknown>>;

type SessionHandler<Req, Res> = (request: Req, context: SessionContext) => Promise<Res> | Res;

/**
 * Checks `token` against the caller's sessions: SESSION_INVALID when unknown, revoked or
 * another user's (the answer never says which), SESSION_EXPIRED when past `expiresAt`.
 * One read in the common case; when less than the renewal threshold is left, two writes
 * extend the session (document and the user's map entry) by the TTL.
 */
export async function authenticate(
  invocation: Invocation,
  token: string,
  withUser: boolean,
): Promise<Pick<SessionContext, 'session' | 'tokenHash' | 'user'>> {
  const { db, config, identity, now } = invocation;
  if (!isWellFormedToken(token)) throw new AppError('SESSION_INVALID');
  const tokenHash = hashToken(token);
  const [session, user] = await Promise.all([
    findSession(db, config, tokenHash),
    withUser ? findUser(db, config, identity) : Promise.resolve(undefined),
  ]);
  // `revokedAt` is null while open; any number (or an unexpected shape) means revoked.
  const revoked = session?.revokedAt !== null && session?.revokedAt !== undefined;
  if (!session || session.openid !== identity.openid || revoked) {
    throw new AppError('SESSION_INVALID');
  }
  if (!(session.expiresAt > now)) throw new AppError('SESSION_EXPIRED');
  if (withUser && !user) throw new AppError('SESSION_INVALID');
  let expiresAt = session.expiresAt;
  if (expiresAt - now < config.renewThresholdMs) {
    expiresAt = now + config.sessionTtlMs;
    const ref = { createdAt: session.createdAt, expiresAt };
    await Promise.all([
      extendSession(db, config, tokenHash, expiresAt),
      updateUser(db, config, identity, { activeSessions: { [tokenHash]: ref } }),
    ]);
  }
  const result: Pick<SessionContext, 'session' | 'tokenHash' | 'user'> = {
    session: { createdAt: session.createdAt, expiresAt },
    tokenHash,
  };
  if (user) result.user = toPublicUser(user);
  return result;
}

/**
 * Wraps an app's own cloud function so it runs only for a caller with a valid session and
 * answers with the same envelope and error codes as the built-in functions. A typed request
 * needs its parser; without one the handler sees the raw record:
 *
 *   export const main = withSession<MyRequest, MyResponse>(handler, { parse: parseMyRequest });
 *   export const main = withSession<MyResponse>(async (raw, { identity, user }) => ({ ... }));
 */
export function withSession<Res>(
  handler: SessionHandler<RawRequest, Res>,
  options?: Omit<SessionOptions<RawRequest>, 'parse'>,
): CloudFunctionMain<Res>;
export function withSession<Req extends AuthenticatedRequest, Res>(
  handler: SessionHandler<Req, Res>,
  options: SessionOptions<Req> & Required<Pick<SessionOptions<Req>, 'parse'>>,
): CloudFunctionMain<Res>;
export function withSession<Res>(
  handler: SessionHandler<RawRequest, Res>,
  options: SessionOptions<RawRequest> = {},
): CloudFunctionMain<Res> {
  return defineFunction(async (event, invocation) => {
    const token = requireToken(event);
    const request: RawRequest = options.parse ? options.parse(event) : { ...event, token };
    const withUser =
      typeof options.withUser === 'function' ? options.withUser(request) : options.withUser;
    const auth = await authenticate(invocation, token, withUser ?? false);
    return handler(request, { ...invocation, ...auth });
  });
}
