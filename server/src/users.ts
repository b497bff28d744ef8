import type { Gender, PublicUser } from '../../contract/src';
import type { AccountDoc } from './account-record';
import { onCollection } from './db/collections';
import type { Database, Filter } from './db/types';
import type { Identity } from './identity';
import type { ServerConfig } from './config';

/** What the user document remembers of each open session (see session-cap.ts). */
export interface SessionRef {
  createdAt: number;
  expiresAt: number;
}

/**
 * One document per OPENID. `_id` is the OPENID itself, so the primary key makes a second
 * document for the same user impossible even under concurrent first logins; `_openid` lets the
 * console rule `doc._openid == auth.openid` give a user read access to their own record. That
 * same field lets the owner's client change it under the console's default permission, so it
 * holds nothing that grants or proves anything: status, roles, the bound phone number and owned
 * files live in the account record (account-record.ts). Only the profile is kept here.
 */
export interface UserDoc extends Omit<PublicUser, 'roles' | 'phone'> {
  _id: string;
  _openid: string;
  appid?: string;
  unionid?: string;
  /** Open sessions by token hash: lets login enforce the cap without a count query. */
  activeSessions: Record<string, SessionRef>;
}

export function userIdOf(identity: Identity): string {
  return identity.openid;
}

/**
 * The profile from the user document; `roles` (authority.ts) and the phone from the trusted
 * account record, never from this document (a `phone` its owner's client wrote is ignored).
 */
export function toPublicUser(
  doc: UserDoc,
  roles: string[],
  account: Pick<AccountDoc, 'phone'> | undefined,
): PublicUser {
  return {
    nickName: doc.nickName ?? '',
    avatarUrl: doc.avatarUrl ?? '',
    gender: (doc.gender ?? 0) as Gender,
    country: doc.country ?? '',
    province: doc.province ?? '',
    city: doc.city ?? '',
    language: doc.language ?? '',
    createdAt: doc.createdAt,
    lastLoginAt: doc.lastLoginAt,
    updatedAt: doc.updatedAt ?? doc.createdAt,
    loginCount: doc.loginCount ?? 0,
    phone: account?.phone ?? null,
    roles,
  };
}

export function newUserDoc(identity: Identity, now: number, sessions: UserDoc['activeSessions']) {
  const doc: UserDoc = {
    _id: userIdOf(identity),
    _openid: identity.openid,
    nickName: '',
    avatarUrl: '',
    gender: 0,
    country: '',
    province: '',
    city: '',
    language: '',
    createdAt: now,
    lastLoginAt: now,
    updatedAt: now,
    loginCount: 1,
    activeSessions: sessions,
  };
  if (identity.appid) doc.appid = identity.appid;
  if (identity.unionid) doc.unionid = identity.unionid;
  return doc;
}

export async function findUser(
  db: Database,
  config: ServerConfig,
  identity: Identity,
): Promise<UserDoc | undefined> {
  const result = await onCollection<UserDoc, { data: UserDoc[] }>(
    db,
    config.usersCollection,
    (users) =>
      users
        .where({ _id: userIdOf(identity) })
        .limit(1)
        .get(),
  );
  return result.data[0];
}

export async function insertUser(db: Database, config: ServerConfig, doc: UserDoc): Promise<void> {
  await onCollection<UserDoc, unknown>(db, config.usersCollection, (users) =>
    users.add({ data: doc }),
  );
}

/** Overwrites the document with `_id` doc._id (a planted one, see login-flow.ts). */
export async function replaceUser(db: Database, config: ServerConfig, doc: UserDoc): Promise<void> {
  const { _id, ...data } = doc;
  await onCollection<UserDoc, unknown>(db, config.usersCollection, (users) =>
    users.doc(_id).set({ data }),
  );
}

/** `update` on the caller's document only (doc(_id)); returns how many documents changed. */
export async function updateUser(
  db: Database,
  config: ServerConfig,
  identity: Identity,
  data: Filter,
): Promise<number> {
  const result = await onCollection<UserDoc, { stats: { updated: number } }>(
    db,
    config.usersCollection,
    (users) => users.doc(userIdOf(identity)).update({ data }),
  );
  return result.stats.updated;
}
