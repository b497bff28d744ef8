import type { AccountStatus, PhoneBinding } from '../../contract/src';
import { isTrustedDoc } from './authority';
import type { ServerConfig } from './config';
import { onCollection } from './db/collections';
import type { Database, Filter } from './db/types';
import type { UserDoc } from './users';
import type { AvatarSlot } from './avatar-uploads';

/**
 * What only the server may say about an account: its status, roles, bound phone number, the
 * avatar file it uploaded and a deletion in progress. A second document in the users collection, `_id`
 * `account:<OPENID>`, without `_openid`, so under the console's default permission (and under
 * this project's rules) no client can read or change it. It exists only once something is set.
 * Keeping it in the users collection lets one `_id in [OPENID, account:OPENID]` query read the
 * user and the account together: login stays at one read.
 */
export interface AccountDoc {
  _id: string;
  kind: 'account';
  openid: string;
  status?: AccountStatus;
  roles?: string[];
  /** The file ID of the saved avatar, uploaded to one of `avatarUploads` (avatar-uploads.ts). */
  avatarFileId?: string;
  /** Every path handed out to this account for an avatar upload and not yet deleted. */
  avatarUploads?: AvatarSlot[];
  /** The bound number (phone/account-phone.ts); its claim is in the phones collection. */
  phone?: PhoneBinding | null;
  /** Bumped by every change of `phone`: its compare-and-set guard. */
  phoneRev?: number;
  /** Set when a deletion starts; a retried deleteAccount (or the next login) finishes it. */
  deletingAt?: number;
  updatedAt: number;
  /** Only on a document a client wrote (squatting the id): such a record grants nothing. */
  _openid?: string;
}

export const ACCOUNT_KIND = 'account';

const ACCOUNT_PREFIX = 'account:';

export function accountIdOf(openid: string): string {
  return `${ACCOUNT_PREFIX}${openid}`;
}

/** The OPENID a record is about, from its `_id` (a record added by hand may hold nothing else). */
export function openidOfAccount(doc: Pick<AccountDoc, '_id'>): string {
  return doc._id.slice(ACCOUNT_PREFIX.length);
}

/** Matches every account record (and no user document) by its `_id`. */
export function accountIdPattern(db: Database): unknown {
  return db.RegExp({ regexp: `^${ACCOUNT_PREFIX}` });
}

export interface UserAndAccount {
  user?: UserDoc;
  /** Only a trusted record (see isTrustedDoc); a client-written one is treated as absent. */
  account?: AccountDoc;
}

/** One read: the user document and the account record. */
export async function findUserAndAccount(
  db: Database,
  config: ServerConfig,
  openid: string,
): Promise<UserAndAccount> {
  const result = await onCollection<UserDoc | AccountDoc, { data: Array<UserDoc | AccountDoc> }>(
    db,
    config.usersCollection,
    (users) =>
      users
        .where({ _id: db.command.in([openid, accountIdOf(openid)]) })
        .limit(2)
        .get(),
  );
  const found: UserAndAccount = {};
  for (const doc of result.data) {
    if (doc._id === openid) found.user = doc as UserDoc;
    else if (isTrustedDoc(doc)) found.account = doc as AccountDoc;
  }
  return found;
}

/** One read of the account record alone (a trusted one, or none). */
export async function findAccount(
  db: Database,
  config: ServerConfig,
  openid: string,
): Promise<Pick<UserAndAccount, 'account'>> {
  const result = await onCollection<AccountDoc, { data: AccountDoc[] }>(
    db,
    config.usersCollection,
    (users) =>
      users
        .where({ _id: accountIdOf(openid) })
        .limit(1)
        .get(),
  );
  const doc = result.data[0];
  return isTrustedDoc(doc) ? { account: doc } : {};
}

/**
 * Sets fields of the account record: an update when a trusted record exists, otherwise a
 * `set` that creates it, or replaces a record a client squatted (the server may overwrite any
 * document; the replacement carries no `_openid`).
 */
export async function writeAccount(
  db: Database,
  config: ServerConfig,
  openid: string,
  existing: AccountDoc | undefined,
  fields: Filter,
  now: number,
): Promise<void> {
  const id = accountIdOf(openid);
  if (existing) {
    const result = await onCollection<AccountDoc, { stats: { updated: number } }>(
      db,
      config.usersCollection,
      (users) =>
        users.doc(id).update({ data: { kind: ACCOUNT_KIND, openid, ...fields, updatedAt: now } }),
    );
    if (result.stats.updated > 0) return;
  }
  const plain = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => typeof value !== 'object' || Array.isArray(value)),
  );
  const data: Filter = { kind: ACCOUNT_KIND, openid, ...plain, updatedAt: now };
  await onCollection<AccountDoc, unknown>(db, config.usersCollection, (users) =>
    users.doc(id).set({ data }),
  );
}

/** The last step of a deletion: the user document and the account record. */
export async function removeUserAndAccount(db: Database, config: ServerConfig, openid: string) {
  const result = await onCollection<UserDoc, { stats: { removed: number } }>(
    db,
    config.usersCollection,
    (users) => users.where({ _id: db.command.in([openid, accountIdOf(openid)]) }).remove(),
  );
  return result.stats.removed;
}
