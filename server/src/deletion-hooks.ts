import type { Invocation } from './entry';
import { releasePhoneClaims } from './phone';

/**
 * Step 4 of an account deletion, before the user document goes: release what other features
 * hold for the account, so a new account may take it. Idempotent (a retry runs it again).
 * Phone binding: the claim on the bound number (phones collection), so the same number can be
 * bound by a new account. Returns how many claims were freed.
 */
export async function releasePhoneClaim(
  context: Pick<Invocation, 'db' | 'config'>,
  openid: string,
): Promise<number> {
  return releasePhoneClaims(context.db, context.config, openid);
}
