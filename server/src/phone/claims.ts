/**
 * Who owns a phone number. One document per bound number whose `_id` is the number itself
 * (`<countryCode>-<number>`), so the database's primary key makes two owners impossible: of any
 * number of accounts binding the same number at once, exactly one insert succeeds.
 *
 * `releasePhoneClaims` is what account deletion calls to free the caller's number.
 */
import { isTrustedDoc } from '../authority';
import type { ServerConfig } from '../config';
import { onCollection } from '../db/collections';
import type { Database } from '../db/types';

export interface PhoneClaimDoc {
  _id: string;
  /** OPENID of the account the number is bound to. */
  owner: string;
  countryCode: string;
  number: string;
  boundAt: number;
}

export function claimKey(countryCode: string, number: string): string {
  return `${countryCode}-${number}`;
}

export type ClaimOutcome =
  { kind: 'claimed' | 'already-mine'; boundAt: number } | { kind: 'taken' };

/**
 * Claims the number for `owner`: a new claim, the owner's own earlier claim, or taken. When the
 * insert fails, reading the claim decides (as login does for users), not the error's text: the
 * SDK drops the server's code for a duplicate `_id`, and a lost reply may hide our own insert.
 */
export async function claimNumber(
  db: Database,
  config: ServerConfig,
  owner: string,
  countryCode: string,
  number: string,
  now: number,
): Promise<ClaimOutcome> {
  const doc: PhoneClaimDoc = {
    _id: claimKey(countryCode, number),
    owner,
    countryCode,
    number,
    boundAt: now,
  };
  try {
    await onCollection<PhoneClaimDoc, unknown>(db, config.phonesCollection, (phones) =>
      phones.add({ data: doc }),
    );
    return { kind: 'claimed', boundAt: now };
  } catch (error) {
    const existing = await onCollection<PhoneClaimDoc, { data: PhoneClaimDoc[] }>(
      db,
      config.phonesCollection,
      (phones) => phones.where({ _id: doc._id }).limit(1).get(),
    );
    const claim = existing.data[0];
    if (!claim) throw error;
    if (!isTrustedDoc(claim)) {
      // Written from the client (it carries `_openid`), before the rules file was applied: it
      // claims nothing, and the server's claim replaces it.
      const { _id: _unused, ...data } = doc;
      await onCollection<PhoneClaimDoc, unknown>(db, config.phonesCollection, (phones) =>
        phones.doc(doc._id).set({ data }),
      );
      return { kind: 'claimed', boundAt: now };
    }
    return claim.owner === owner
      ? { kind: 'already-mine', boundAt: claim.boundAt }
      : { kind: 'taken' };
  }
}

/** Frees one number, only if `owner` holds it. Returns whether a claim was removed. */
export async function releaseClaim(
  db: Database,
  config: ServerConfig,
  owner: string,
  key: string,
): Promise<boolean> {
  const result = await onCollection<PhoneClaimDoc, { stats: { removed: number } }>(
    db,
    config.phonesCollection,
    (phones) => phones.where({ _id: key, owner }).remove(),
  );
  return result.stats.removed > 0;
}

/**
 * Frees every number `owner` holds (normally at most one; more only if a crash interrupted a
 * change of number). For unbinding and for account deletion. Returns how many were removed.
 */
export async function releasePhoneClaims(
  db: Database,
  config: ServerConfig,
  owner: string,
): Promise<number> {
  const result = await onCollection<PhoneClaimDoc, { stats: { removed: number } }>(
    db,
    config.phonesCollection,
    (phones) => phones.where({ owner }).remove(),
  );
  return result.stats.removed;
}
