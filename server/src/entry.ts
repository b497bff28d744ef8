import { randomUUID } from 'node:crypto';
import { failure, success } from '../../contract/src';
import type { Envelope } from '../../contract/src';
import { getDatabase, readWxContext } from './cloud';
import { readConfig } from './config';
import { setKnownCollections } from './db/collections';
import type { ServerConfig } from './config';
import type { Database } from './db/types';
import { AppError } from './errors';
import { identityFrom } from './identity';
import type { Identity } from './identity';
import { isPlainObject } from './validation/text';
import { platformCallerOf, type PlatformCaller } from './platform-caller';

/** What SCF passes as the second argument of `main` (only what we read). */
export interface ScfContext {
  request_id?: string;
  function_name?: string;
}

export interface Invocation {
  /** Present unless the function was defined with `requireIdentity: false`. */
  identity: Identity;
  /** What the platform says about the call itself (SOURCE chain, cross-account keys). */
  caller: PlatformCaller;
  config: ServerConfig;
  db: Database;
  requestId: string;
  /** One clock reading per invocation, so every time written by one call agrees. */
  now: number;
}

export type CloudFunctionMain<T> = (event: unknown, context?: ScfContext) => Promise<Envelope<T>>;

export type Handler<T> = (event: Record<string, unknown>, invocation: Invocation) => Promise<T>;

export interface DefineOptions {
  /** False only for trigger-run functions (cleanupSessions): they have no OPENID. */
  requireIdentity?: boolean;
}

const NO_IDENTITY: Identity = { openid: '' };

/**
 * The entry wrapper every function goes through: identity from the WeChat context (the
 * event's `openid`/`userInfo` are never read), config from the environment, a result envelope
 * out. AppErrors pass through; anything else is logged with the request id and answered as
 * INTERNAL, so no stack, message or database detail reaches the client.
 */
export function defineFunction<T>(
  handler: Handler<T>,
  options: DefineOptions = {},
): CloudFunctionMain<T> {
  const requireIdentity = options.requireIdentity ?? true;
  return async (event, context) => {
    const requestId = context?.request_id || randomUUID();
    const now = Date.now();
    // Every answer carries the server's clock, so a phone whose clock is wrong (or was wrong
    // and then corrected) re-estimates its offset on each call (see the client's session manager).
    const stamped = <E extends Envelope<T>>(envelope: E): E => ({ ...envelope, serverTime: now });
    try {
      const context = readWxContext();
      const identity = identityFrom(context);
      if (!identity && requireIdentity) return stamped(failure('UNAUTHENTICATED'));
      const config = readConfig();
      setKnownCollections([
        config.usersCollection,
        config.sessionsCollection,
        config.auditCollection,
        config.phonesCollection,
      ]);
      const invocation: Invocation = {
        identity: identity ?? NO_IDENTITY,
        caller: platformCallerOf(context),
        config,
        db: getDatabase(),
        requestId,
        now,
      };
      return stamped(success(await handler(isPlainObject(event) ? event : {}, invocation)));
    } catch (error) {
      if (error instanceof AppError) return stamped(failure(error.code, error.details));
      console.error(
        `[wx-cloud-login] INTERNAL requestId=${requestId} function=${context?.function_name ?? ''}`,
        error,
      );
      return stamped(failure('INTERNAL', { requestId }));
    }
  };
}
