/**
 * Binding and unbinding, in an order that keeps the invariants under concurrency and crashes:
 * 1. count the exchange against the account's daily limit (refused: the platform is not called);
 * 2. exchange the code, naming the caller's OPENID (another user's code is refused);
 * 3. claim the number (primary key: one owner, whoever else races gets PHONE_IN_USE);
 * 4. point the account at it and free the number it held before.
 * A crash after 3 leaves a claim owned by the caller, which its next bind or unbind reuses or frees.
 */
import type { PhoneBinding } from '../../../contract/src';
import type { ServerConfig } from '../config';
import type { Database } from '../db/types';
import { AppError } from '../errors';
import type { Identity } from '../identity';
import { findUser, type UserDoc } from '../users';
import { reserveExchange, setAccountPhone } from './account-phone';
import { claimNumber, releasePhoneClaims } from './claims';
import { exchangeCode } from './exchange';

export interface PhoneContext {
  db: Database;
  config: ServerConfig;
  identity: Identity;
  now: number;
}

export async function bindPhone(
  { db, config, identity, now }: PhoneContext,
  code: string,
): Promise<UserDoc> {
  const user = await reserveExchange(db, config, identity, now);
  const { countryCode, number } = await exchangeCode(code, identity.openid);
  const claim = await claimNumber(db, config, identity.openid, countryCode, number, now);
  if (claim.kind === 'taken') throw new AppError('PHONE_IN_USE');
  const binding: PhoneBinding = { countryCode, number, boundAt: claim.boundAt };
  return setAccountPhone(db, config, identity, user, binding, now);
}

/** Idempotent: without a bound number it still frees any claim a crash left behind. */
export async function unbindPhone({ db, config, identity, now }: PhoneContext): Promise<UserDoc> {
  const user = await findUser(db, config, identity);
  if (!user) throw new AppError('SESSION_INVALID');
  const updated = user.phone ? await setAccountPhone(db, config, identity, user, null, now) : user;
  await releasePhoneClaims(db, config, identity.openid);
  return updated;
}
