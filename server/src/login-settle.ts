import { findUserAndAccount } from './account-record';
import { statusOf } from './authority';
import type { Invocation } from './entry';
import { AppError } from './errors';
import { revokeSessions } from './sessions';

/**
 * The last round of a login, once its own session is stored and its user document names it:
 * ends the sessions it replaces, and reads the user and the account record again (one query),
 * both in parallel. Only then is the token handed out. `replaces` is what the cap plan pushed
 * out of the user's map (absent for a brand-new user, whose login replaces nothing).
 *
 * Two races end here, each because the other side writes in a fixed order:
 *  - a ban writes the status, then revokes every session. Either our read comes before the
 *    status write, and so does our insert, which the ban's revocation then catches; or the read
 *    sees "disabled" and we end our own session: ACCOUNT_DISABLED.
 *  - a concurrent login whose plan evicts ours removes our map entry, then (in its own last
 *    round, so strictly after that removal landed) revokes our session by `_id`. Either our read
 *    comes before the removal, and so does our insert, which its revocation then catches (our
 *    token is handed out and ends at once, as any session the cap pushes out); or the read no
 *    longer finds our entry and we end our own session: without this, an insert landing after
 *    the other login's revocation stays open outside the map, where no later login can evict it.
 * The lost login answers RATE_LIMITED with `details.reason: 'evicted'`, never a dead token: more
 * logins of this account at the same moment than MAX_SESSIONS_PER_USER; trying again succeeds.
 * The same answer when the entry went for another reason before the re-read (the user document
 * deleted, or the map cleared by logout all).
 */
export async function settleLogin(
  invocation: Invocation,
  own: string,
  replaces: string[] | undefined,
): Promise<void> {
  const { db, config, identity, now } = invocation;
  const [found] = await Promise.all([
    findUserAndAccount(db, config, identity.openid),
    replaces && revokeReplaced(invocation, own, replaces),
  ]);
  const endOwn = (reason: 'disabled' | 'evicted') =>
    revokeSessions(db, config, identity, { _id: own }, now, reason);
  if (statusOf(found.account) === 'disabled') {
    await endOwn('disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (found.user?.activeSessions?.[own] === undefined) {
    await endOwn('evicted');
    throw new AppError('RATE_LIMITED', { reason: 'evicted' });
  }
}

/**
 * Ends the sessions this login replaces. With SESSION_POLICY=single that is every other session
 * of the user, not just the map's: the query also catches sessions a concurrent login stored
 * after our read. Under the cap, the oldest ones the plan named.
 */
export async function revokeReplaced(
  invocation: Invocation,
  own: string,
  evict: string[],
): Promise<void> {
  const { db, config, identity, now } = invocation;
  const _ = db.command;
  if (config.sessionPolicy === 'single') {
    await revokeSessions(db, config, identity, { _id: _.neq(own) }, now, 'single');
  } else if (evict.length > 0) {
    await revokeSessions(db, config, identity, { _id: _.in(evict) }, now, 'cap');
  }
}
