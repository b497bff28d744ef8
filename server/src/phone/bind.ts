/**
 * Binding and unbinding, in an order that keeps the invariants under concurrency and crashes:
 * 1. count the exchange against the account's daily limit (refused: the platform is not called);
 * 2. exchange the code, naming the caller's OPENID (another user's code is refused);
 * 3. claim the number (primary key: one owner, whoever else races gets PHONE_IN_USE);
 * 4. point the account at it and free the number it held before.
 * A crash after 3 leaves a claim owned by the caller, which its next bind or unbind reuses or frees.
 * Each change writes a `phone.changed` audit entry (what changed, never the number).
 */
import type { PhoneBinding } from '../../../contract/src';
import type { ServerConfig } from '../config';
import type { Database } from '../db/types';
import { writeAudit } from '../audit';
import { AppError } from '../errors';
import type { Identity } from '../identity';
import { findAccount } from '../account-record';
import { phoneOf, setAccountPhone } from './account-phone';
import { reserveExchange } from './exchange-quota';
import { claimKey, claimNumber, releasePhoneClaims } from './claims';
import { exchangeCode } from './exchange';

export interface PhoneContext {
  db: Database;
  config: ServerConfig;
  identity: Identity;
  now: number;
  requestId: string;
}

type PhoneChange = 'bound' | 'replaced' | 'unbound';

/**
 * The audit entry (`phone.changed`, never the number). Best effort: the exchange is already
 * billed, so a lost entry must not fail the call and invite a second, billed attempt.
 */
async function auditChange(context: PhoneContext, change: PhoneChange): Promise<void> {
  await writeAudit(context, 'phone.changed', context.identity.openid, 'self', { change }).catch(
    (error: unknown) => {
      console.error(`[wx-cloud-login] audit write failed requestId=${context.requestId}`, error);
    },
  );
}

/** Returns the number now bound. */
export async function bindPhone(context: PhoneContext, code: string): Promise<PhoneBinding> {
  const { db, config, identity, now } = context;
  const [{ account }] = await Promise.all([
    findAccount(db, config, identity.openid),
    reserveExchange(db, config, identity.openid, now),
  ]);
  const { countryCode, number } = await exchangeCode(code, identity.openid);
  const claim = await claimNumber(db, config, identity.openid, countryCode, number, now);
  if (claim.kind === 'taken') throw new AppError('PHONE_IN_USE');
  const binding: PhoneBinding = { countryCode, number, boundAt: claim.boundAt };
  await setAccountPhone(db, config, identity, account, binding, now);
  // By what the account held, not by the claim's outcome: a claim found already ours (our
  // insert landed but its reply was lost, or a crash left it) is still a change of number.
  const before = phoneOf(account);
  const changed =
    !before || claimKey(before.countryCode, before.number) !== claimKey(countryCode, number);
  if (changed) await auditChange(context, before ? 'replaced' : 'bound');
  return binding;
}

/** Idempotent: without a bound number it still frees any claim a crash left behind. */
export async function unbindPhone(context: PhoneContext): Promise<null> {
  const { db, config, identity, now } = context;
  const { account } = await findAccount(db, config, identity.openid);
  const bound = phoneOf(account);
  if (bound) await setAccountPhone(db, config, identity, account, null, now);
  await releasePhoneClaims(db, config, identity.openid);
  if (bound) await auditChange(context, 'unbound');
  return null;
}
