import type { ClientInfo } from '../../contract/src';
import type { ServerConfig } from './config';
import { onCollection } from './db/collections';
import type { Database, Filter } from './db/types';
import type { Identity } from './identity';

/**
 * Why a session ended. `orphan`: stored by a login whose user could not be created (never
 * usable without it). `disabled`: the account was banned (the guard answers ACCOUNT_DISABLED);
 * `reenabled`: a ban was lifted, so those sessions now just answer SESSION_INVALID (log in again).
 * `evicted`: ended by its own login before the token was handed out, because a concurrent change
 * (another login's cap) had already removed it from the user's map (see login-settle.ts).
 */
export type RevokeReason =
  'logout' | 'cap' | 'single' | 'orphan' | 'disabled' | 'reenabled' | 'admin' | 'evicted';

/**
 * One document per session. `_id` is the SHA-256 of the token, so checking a token is a single
 * primary-key read and the token itself is never stored.
 */
export interface SessionDoc {
  _id: string;
  openid: string;
  createdAt: number;
  expiresAt: number;
  /** null while open; set (never deleted) on revocation so cleanup can age it out. */
  revokedAt: number | null;
  revokedReason?: RevokeReason;
  client?: ClientInfo;
  /**
   * Set only when a client wrote the document (the client SDK adds it; the server SDK never
   * does). Such a session grants nothing: see isTrustedDoc in authority.ts.
   */
  _openid?: string;
}

export function newSessionDoc(
  hash: string,
  identity: Identity,
  now: number,
  config: ServerConfig,
  client: ClientInfo | undefined,
): SessionDoc {
  const doc: SessionDoc = {
    _id: hash,
    openid: identity.openid,
    createdAt: now,
    expiresAt: Math.min(now + config.sessionTtlMs, now + config.sessionMaxLifetimeMs),
    revokedAt: null,
  };
  if (client) doc.client = client;
  return doc;
}

export async function insertSession(
  db: Database,
  config: ServerConfig,
  doc: SessionDoc,
): Promise<void> {
  await onCollection<SessionDoc, unknown>(db, config.sessionsCollection, (sessions) =>
    sessions.add({ data: doc }),
  );
}

export async function findSession(
  db: Database,
  config: ServerConfig,
  hash: string,
): Promise<SessionDoc | undefined> {
  const result = await onCollection<SessionDoc, { data: SessionDoc[] }>(
    db,
    config.sessionsCollection,
    (sessions) => sessions.where({ _id: hash }).limit(1).get(),
  );
  return result.data[0];
}

/**
 * Revokes the caller's live sessions matching `filter` (not revoked, not expired: an expired
 * session has already ended and is left for cleanup); returns how many.
 */
export async function revokeSessions(
  db: Database,
  config: ServerConfig,
  identity: Identity,
  filter: Filter,
  now: number,
  reason: RevokeReason,
): Promise<number> {
  const live = {
    ...filter,
    openid: identity.openid,
    revokedAt: null,
    expiresAt: db.command.gt(now),
  };
  return markRevoked(db, config, live, now, reason);
}

/** The one revoking write: marks the sessions `where` selects, returns how many. */
async function markRevoked(
  db: Database,
  config: ServerConfig,
  where: Filter,
  now: number,
  reason: RevokeReason,
): Promise<number> {
  const result = await onCollection<SessionDoc, { stats: { updated: number } }>(
    db,
    config.sessionsCollection,
    (sessions) => sessions.where(where).update({ data: { revokedAt: now, revokedReason: reason } }),
  );
  return result.stats.updated;
}

export async function extendSession(
  db: Database,
  config: ServerConfig,
  hash: string,
  expiresAt: number,
): Promise<void> {
  await onCollection<SessionDoc, unknown>(db, config.sessionsCollection, (sessions) =>
    sessions.doc(hash).update({ data: { expiresAt } }),
  );
}

/**
 * Deletes every session document of `openid`: the server's (`openid`) and any a client wrote
 * under the console's default permission (`_openid`). Returns how many.
 */
export async function removeAllSessions(
  db: Database,
  config: ServerConfig,
  openid: string,
): Promise<number> {
  const _ = db.command;
  const result = await onCollection<SessionDoc, { stats: { removed: number } }>(
    db,
    config.sessionsCollection,
    (sessions) => sessions.where(_.or([{ openid }, { _openid: openid }])).remove(),
  );
  return result.stats.removed;
}

/** Lifting a ban: the sessions it revoked stop answering ACCOUNT_DISABLED (they stay ended). */
export async function relabelDisabledSessions(
  db: Database,
  config: ServerConfig,
  openid: string,
): Promise<void> {
  await onCollection<SessionDoc, unknown>(db, config.sessionsCollection, (sessions) =>
    sessions
      .where({ openid, revokedReason: 'disabled' })
      .update({ data: { revokedReason: 'reenabled' } }),
  );
}

/**
 * A ban: every session of `openid` not yet revoked, expired ones included (so even a token that
 * ran out answers ACCOUNT_DISABLED rather than inviting a re-login). Returns how many.
 */
export async function revokeForBan(
  db: Database,
  config: ServerConfig,
  openid: string,
  now: number,
): Promise<number> {
  return markRevoked(db, config, { openid, revokedAt: null }, now, 'disabled');
}
