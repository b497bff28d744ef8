import type { DeleteAccountResponse } from '../../../contract/src';
import { findUserAndAccount } from '../account-record';
import { deleteAccountData } from '../deletion';
import { statusOf } from '../authority';
import { defineFunction } from '../entry';
import { AppError } from '../errors';
import { authenticate } from '../guard';
import { requireToken } from '../validation/request';

/**
 * deleteAccount({ token }) -> { deleted: { sessions, documents, files } }.
 * Needs a valid session, except to finish a deletion that already started (its first step
 * removes every session, so a client retrying after a fault no longer has one): the server's
 * own mark on the account record (`deletingAt`, out of any client's reach) says the account
 * asked for it. The identity is the WeChat OPENID, so nobody can finish someone else's deletion.
 * A disabled account gets ACCOUNT_DISABLED, even mid-deletion: see docs/functions.md, "Bans".
 * When nothing of the account is left (a retry after a finished attempt whose reply was lost),
 * the answer is success with nothing deleted, so the client can stop retrying.
 */
function nothingDeleted(collections: string[]) {
  return { sessions: 0, documents: Object.fromEntries(collections.map((c) => [c, 0])), files: 0 };
}

export const main = /* @__PURE__ */ defineFunction<DeleteAccountResponse>(
  async (event, invocation) => {
    const token = requireToken(event);
    const { db, config, identity } = invocation;
    const [found, auth] = await Promise.all([
      findUserAndAccount(db, config, identity.openid),
      authenticate(invocation, token, false).then(
        () => undefined,
        (error: unknown) => error,
      ),
    ]);
    // A ban outlives nothing that deletes it: a disabled account cannot delete itself (and log in
    // again as a new, unbanned account). An admin, or WeChat's cancellation push, still can.
    if (statusOf(found.account) === 'disabled') throw new AppError('ACCOUNT_DISABLED');
    const resuming = found.account?.deletingAt !== undefined;
    if (auth !== undefined && !resuming) {
      // Nothing left of the account: a retry whose previous attempt finished but lost its reply.
      if (!found.user && !found.account)
        return { deleted: nothingDeleted(config.accountDataCollections) };
      throw auth;
    }
    return { deleted: await deleteAccountData(invocation, identity.openid, found, 'self') };
  },
);
