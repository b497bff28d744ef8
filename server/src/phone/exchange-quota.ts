/**
 * The cost limit on billed phone exchanges (PHONE_BIND_MAX_PER_DAY), kept where neither a
 * client nor an account deletion reaches it: a document in the phones collection (no client
 * access by its rules file), `_id` `quota-<hash of the OPENID>`, holding only exchange times.
 * It names no person (the hash, as the audit trail's subjects), so it outlives deletion: deleting
 * the account and logging in again does not buy new exchanges. Changed by compare-and-set on
 * `rev`; a document a client wrote (`_openid`) counts as nothing and is replaced.
 */
import { createHash } from 'node:crypto';
import { isTrustedDoc } from '../authority';
import type { ServerConfig } from '../config';
import { onCollection } from '../db/collections';
import type { Database } from '../db/types';
import { AppError } from '../errors';
import { recentExchanges, retryAfter } from './account-phone';

interface QuotaDoc {
  _id: string;
  exchanges: number[];
  rev: number;
  _openid?: string;
}

/** Compare-and-set attempts (only one account's own simultaneous taps contend). */
const MAX_ATTEMPTS = 5;

export function quotaIdOf(openid: string): string {
  return `quota-${createHash('sha256').update(`wx-cloud-login:phone-quota:${openid}`).digest('hex')}`;
}

async function readQuota(db: Database, config: ServerConfig, id: string) {
  const result = await onCollection<QuotaDoc, { data: QuotaDoc[] }>(
    db,
    config.phonesCollection,
    (phones) => phones.where({ _id: id }).limit(1).get(),
  );
  return result.data[0];
}

/** One write: true when it landed (a concurrent writer makes it false, and the loop re-reads). */
async function write(
  db: Database,
  config: ServerConfig,
  found: QuotaDoc | undefined,
  id: string,
  exchanges: number[],
): Promise<boolean> {
  if (found && isTrustedDoc(found)) {
    const result = await onCollection<QuotaDoc, { stats: { updated: number } }>(
      db,
      config.phonesCollection,
      (phones) =>
        phones
          .where({ _id: id, rev: found.rev })
          .update({ data: { exchanges: db.command.set(exchanges), rev: found.rev + 1 } }),
    );
    return result.stats.updated === 1;
  }
  if (found) {
    // A client's squat: replaced by the server's own document (no `_openid`).
    await onCollection<QuotaDoc, unknown>(db, config.phonesCollection, (phones) =>
      phones.doc(id).set({ data: { exchanges, rev: 1 } }),
    );
    return true;
  }
  try {
    await onCollection<QuotaDoc, unknown>(db, config.phonesCollection, (phones) =>
      phones.add({ data: { _id: id, exchanges, rev: 1 } }),
    );
    return true;
  } catch {
    return false; // a concurrent first exchange created it: read again
  }
}

/**
 * Records one platform exchange before it is made, or refuses with RATE_LIMITED (and
 * `retryAfter`) when the OPENID used its exchanges of the last 24 hours.
 */
export async function reserveExchange(
  db: Database,
  config: ServerConfig,
  openid: string,
  now: number,
): Promise<void> {
  const id = quotaIdOf(openid);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await readQuota(db, config, id);
    const recent = found && isTrustedDoc(found) ? recentExchanges(found.exchanges, now) : [];
    if (recent.length >= config.phoneBindMaxPerDay) {
      throw new AppError('RATE_LIMITED', {
        retryAfter: retryAfter(recent, config.phoneBindMaxPerDay, now),
      });
    }
    if (await write(db, config, found, id, [...recent, now])) return;
  }
  throw new AppError('RATE_LIMITED', { retryAfter: 1000 });
}
