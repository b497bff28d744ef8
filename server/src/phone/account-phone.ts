/**
 * The bound number in the user document, changed only by compare-and-set on `phoneRev` (the
 * cost limit's log of exchanges lives in exchange-quota.ts, out of the client's reach). Concurrent calls of one account never
 * lose an update; a lost race re-reads and tries again, a bounded number of times.
 */
import type { PhoneBinding } from '../../../contract/src';
import type { ServerConfig } from '../config';
import type { Database } from '../db/types';
import { AppError } from '../errors';
import type { Identity } from '../identity';
import { findUser, type UserDoc } from '../users';
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

export async function readUser(
  db: Database,
  config: ServerConfig,
  identity: Identity,
): Promise<UserDoc> {
  const user = await findUser(db, config, identity);
  if (!user) throw new AppError('SESSION_INVALID');
  return user;
}

/** Writes `data` only if nobody changed the phone fields since `user` was read. */
async function compareAndSet(
  db: Database,
  config: ServerConfig,
  user: UserDoc,
  data: Record<string, unknown>,
): Promise<UserDoc | undefined> {
  const rev = user.phoneRev ?? 0;
  const next = { ...data, phoneRev: rev + 1 };
  const result = await onCollection<UserDoc, { stats: { updated: number } }>(
    db,
    config.usersCollection,
    // `phoneRev: null` matches a document that never had one.
    (users) =>
      users.where({ _id: user._id, phoneRev: rev === 0 ? null : rev }).update({ data: next }),
  );
  return result.stats.updated === 1
    ? ({ ...user, ...data, phoneRev: rev + 1 } as UserDoc)
    : undefined;
}

/**
 * Points the account at `binding` (or at no number) and frees the number it held before.
 * Returns the user as written.
 */
export async function setAccountPhone(
  db: Database,
  config: ServerConfig,
  identity: Identity,
  start: UserDoc,
  binding: PhoneBinding | null,
  now: number,
): Promise<UserDoc> {
  let user = start;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const written = await compareAndSet(db, config, user, {
      phone: db.command.set(binding),
      updatedAt: now,
    });
    if (written) {
      const before = user.phone;
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
      return { ...written, phone: binding };
    }
    user = await readUser(db, config, identity);
  }
  throw new Error(`phone of ${identity.openid} kept changing: gave up after ${MAX_ATTEMPTS} tries`);
}
