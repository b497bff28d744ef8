/**
 * The bound number, kept in the account record (`users/account:<OPENID>`, no `_openid`): the
 * user document is writable by its owner's client under the console's default permission, so
 * a `phone` there would be whatever the client wrote. Changed only by compare-and-set on the
 * record's `phoneRev` (the cost limit's log of exchanges lives in exchange-quota.ts). Concurrent
 * calls of one account never lose an update; a lost race re-reads and tries again, a bounded
 * number of times.
 */
import type { PhoneBinding } from '../../../contract/src';
import { ACCOUNT_KIND, accountIdOf, findAccount, type AccountDoc } from '../account-record';
import type { ServerConfig } from '../config';
import type { Database } from '../db/types';
import type { Identity } from '../identity';
import { onCollection } from '../db/collections';
import { claimKey, releaseClaim } from './claims';

export const DAY_MS = 86_400_000;
/** Compare-and-set attempts before giving up (only one account's own concurrent calls race). */
const MAX_ATTEMPTS = 5;

/** Exchange times inside the last 24 hours, oldest first. */
export function recentExchanges(log: unknown, now: number): number[] {
  const times = Array.isArray(log) ? log : [];
  return times
    .filter((t): t is number => typeof t === 'number' && t > now - DAY_MS && t <= now)
    .sort((a, b) => a - b);
}

/** Milliseconds until one more exchange fits in the window (a full day when the limit is 0). */
export function retryAfter(recent: number[], max: number, now: number): number {
  const oldestCounted = recent[recent.length - max];
  return max === 0 || oldestCounted === undefined ? DAY_MS : oldestCounted + DAY_MS - now;
}

/** The bound number as the server wrote it (a client-written `phone` anywhere is ignored). */
export function phoneOf(account: Pick<AccountDoc, 'phone'> | undefined): PhoneBinding | null {
  return account?.phone ?? null;
}

/**
 * The caller's trusted account record, created when there is none: an insert (the primary
 * key lets one of concurrent calls create it), else the read decides. A record a client
 * squatted under this id is replaced; it held nothing the server trusts.
 */
async function ensureAccount(
  db: Database,
  config: ServerConfig,
  openid: string,
  now: number,
): Promise<AccountDoc> {
  const fresh: AccountDoc = {
    _id: accountIdOf(openid),
    kind: ACCOUNT_KIND,
    openid,
    updatedAt: now,
  };
  try {
    await onCollection<AccountDoc, unknown>(db, config.usersCollection, (users) =>
      users.add({ data: fresh }),
    );
    return fresh;
  } catch {
    const { account } = await findAccount(db, config, openid);
    if (account) return account;
    const { _id, ...data } = fresh;
    await onCollection<AccountDoc, unknown>(db, config.usersCollection, (users) =>
      users.doc(_id).set({ data }),
    );
    return fresh;
  }
}

/** Writes `data` only if nobody changed the phone fields since `account` was read. */
async function compareAndSet(
  db: Database,
  config: ServerConfig,
  account: AccountDoc,
  data: Record<string, unknown>,
): Promise<boolean> {
  const rev = account.phoneRev ?? 0;
  const result = await onCollection<AccountDoc, { stats: { updated: number } }>(
    db,
    config.usersCollection,
    // `phoneRev: null` matches a record that never had one; never a client-written record.
    (users) =>
      users
        .where({
          _id: account._id,
          _openid: db.command.exists(false),
          phoneRev: rev === 0 ? null : rev,
        })
        .update({ data: { ...data, phoneRev: rev + 1 } }),
  );
  return result.stats.updated === 1;
}

/**
 * Points the account at `binding` (or at no number) and frees the number it held before.
 * `start` is the account record as last read (undefined: none yet). Returns the number bound.
 */
export async function setAccountPhone(
  db: Database,
  config: ServerConfig,
  identity: Identity,
  start: AccountDoc | undefined,
  binding: PhoneBinding | null,
  now: number,
): Promise<PhoneBinding | null> {
  let account = start ?? (await ensureAccount(db, config, identity.openid, now));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = phoneOf(account);
    const data = { phone: db.command.set(binding), updatedAt: now };
    if (await compareAndSet(db, config, account, data)) {
      const sameNumber =
        before &&
        binding &&
        claimKey(before.countryCode, before.number) ===
          claimKey(binding.countryCode, binding.number);
      if (before && !sameNumber) {
        await releaseClaim(
          db,
          config,
          identity.openid,
          claimKey(before.countryCode, before.number),
        );
      }
      return binding;
    }
    account =
      (await findAccount(db, config, identity.openid)).account ??
      (await ensureAccount(db, config, identity.openid, now));
  }
  throw new Error(`phone of ${identity.openid} kept changing: gave up after ${MAX_ATTEMPTS} tries`);
}
