import type { AuthenticatedRequest, PublicUser } from '../../contract/src';
import { defineFunction } from './entry';
import type { CloudFunctionMain, Invocation } from './entry';
import { isTrustedDoc, rolesOf, statusOf } from './authority';
import { AppError } from './errors';
import { extendSession, findSession } from './sessions';
import { hashToken, isWellFormedToken } from './token';
import { findUserAndAccount } from './account-record';
import type { AccountDoc } from './account-record';
import { toPublicUser, updateUser } from './users';
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
  /** Only with `roles`: the caller's roles as read on this very call. */
  roles?: string[];
  /** With `user` or `roles`: the caller's account record (status, roles, owned files), if any. */
  account?: AccountDoc;
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
  /**
   * Only callers holding at least one of these roles get through (PERMISSION_DENIED otherwise).
   * The roles are read on every call, in parallel with the session: a role granted or removed
   * takes effect on the very next call.
   */
  roles?: readonly string[];
}

/** The event of a function without a parser: the token checked, the rest as the client sent it. */
export type RawRequest = AuthenticatedRequest & Readonly<Record<string, unknown>>;

type SessionHandler<Req, Res> = (request: Req, context: SessionContext) => Promise<Res> | Res;

/**
 * Checks `token` against the caller's sessions: SESSION_INVALID when unknown, revoked, written
 * by a client, or another user's (the answer never says which), ACCOUNT_DISABLED when a ban
 * revoked it (or the user read says disabled), SESSION_EXPIRED when past `expiresAt`.
 * One read in the common case (two in parallel when the user or roles are needed); when less
 * than the renewal threshold is left, two writes extend the session (document and the user's
 * map entry) by the TTL, never past `createdAt` + SESSION_MAX_LIFETIME_DAYS.
 */
export async function authenticate(
  invocation: Invocation,
  token: string,
  withUser: boolean,
  roles?: readonly string[],
): Promise<Pick<SessionContext, 'session' | 'tokenHash' | 'user' | 'roles' | 'account'>> {
  const { db, config, identity, now } = invocation;
  if (!isWellFormedToken(token)) throw new AppError('SESSION_INVALID');
  const tokenHash = hashToken(token);
  const needUser = withUser || roles !== undefined;
  const [session, { user, account }] = await Promise.all([
    findSession(db, config, tokenHash),
    needUser
      ? findUserAndAccount(db, config, identity.openid)
      : Promise.resolve({ user: undefined, account: undefined }),
  ]);
  if (!session || !isTrustedDoc(session) || session.openid !== identity.openid) {
    throw new AppError('SESSION_INVALID');
  }
  // `revokedAt` is null while open; any number (or an unexpected shape) means revoked.
  if (session.revokedAt !== null && session.revokedAt !== undefined) {
    throw new AppError(
      session.revokedReason === 'disabled' ? 'ACCOUNT_DISABLED' : 'SESSION_INVALID',
    );
  }
  if (!(session.expiresAt > now)) throw new AppError('SESSION_EXPIRED');
  if (needUser && !user) throw new AppError('SESSION_INVALID');
  // A status set by hand in the console, before anyone revoked the sessions.
  if (statusOf(account) === 'disabled') throw new AppError('ACCOUNT_DISABLED');
  const result: Pick<SessionContext, 'session' | 'tokenHash' | 'user' | 'roles' | 'account'> = {
    session: { createdAt: session.createdAt, expiresAt: session.expiresAt },
    tokenHash,
  };
  // Read once: the role check and the returned user both carry them.
  const held = needUser ? rolesOf(account, identity.openid, config) : [];
  if (roles !== undefined) {
    if (!roles.some((role) => held.includes(role))) throw new AppError('PERMISSION_DENIED');
    result.roles = held;
  }
  const renewed = Math.min(
    now + config.sessionTtlMs,
    session.createdAt + config.sessionMaxLifetimeMs,
  );
  if (session.expiresAt - now < config.renewThresholdMs && renewed > session.expiresAt) {
    const ref = { createdAt: session.createdAt, expiresAt: renewed };
    await Promise.all([
      extendSession(db, config, tokenHash, renewed),
      updateUser(db, config, identity, { activeSessions: { [tokenHash]: ref } }),
    ]);
    result.session.expiresAt = renewed;
  }
  if (user) result.user = toPublicUser(user, held, account);
  if (account) result.account = account;
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
    const auth = await authenticate(invocation, token, withUser ?? false, options.roles);
    return handler(request, { ...invocation, ...auth });
  });
}
