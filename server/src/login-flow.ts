import type { ClientInfo, LoginResponse } from '../../contract/src';
import type { Invocation } from './entry';
import { isDuplicateKey } from './db/errors';
import { planLogin } from './session-cap';
import { insertSession, newSessionDoc, revokeSessions } from './sessions';
import type { SessionDoc } from './sessions';
import { hashToken, newToken } from './token';
import type { Filter } from './db/types';
import type { SessionRef, UserDoc } from './users';
import { findUser, insertUser, newUserDoc, toPublicUser, updateUser } from './users';

/**
 * login, in database calls:
 *  - returning user under the cap: read user, then update user + insert session in parallel (3);
 *  - new user: read (miss), insert user + insert session in parallel (3);
 *  - + 1 write when the cap or SESSION_POLICY=single revokes older sessions;
 *  - lost first-login race (duplicate key): + 1 read, then the returning-user path.
 */
export async function login(invocation: Invocation, client: ClientInfo | undefined) {
  const { db, config, identity, now } = invocation;
  const token = newToken();
  const hash = hashToken(token);
  const session = newSessionDoc(hash, identity, now, config, client);
  const ref: SessionRef = { createdAt: now, expiresAt: session.expiresAt };

  let existing = await findUser(db, config, identity);
  if (!existing) {
    const created = newUserDoc(identity, now, { [hash]: ref });
    try {
      await Promise.all([insertUser(db, config, created), insertSession(db, config, session)]);
      return response(token, session.expiresAt, created, true);
    } catch (error) {
      // Another first login of the same OPENID inserted the user first (the `_id` is the
      // OPENID): fall through to the returning-user path. The session insert, if it
      // succeeded, is simply kept; if it failed for another reason, rethrow.
      if (!isDuplicateKey(error)) throw error;
      existing = await findUser(db, config, identity);
      if (!existing) throw error;
      return returningLogin(invocation, existing, token, session, ref, true);
    }
  }
  return returningLogin(invocation, existing, token, session, ref, false);
}

async function returningLogin(
  invocation: Invocation,
  user: UserDoc,
  token: string,
  session: SessionDoc,
  ref: SessionRef,
  sessionMayExist: boolean,
) {
  const { db, config, identity, now } = invocation;
  const plan = planLogin(user.activeSessions, now, config);
  const _ = db.command;
  const activeSessions: Filter = { [session._id]: ref };
  for (const id of plan.drop) activeSessions[id] = _.remove();
  const data: Filter = { loginCount: _.inc(1), lastLoginAt: now, updatedAt: now, activeSessions };
  // Kept when present: an app bound to an Open Platform account later starts sending UNIONID.
  if (identity.appid) data.appid = identity.appid;
  if (identity.unionid) data.unionid = identity.unionid;
  const [userUpdates] = await Promise.all([
    updateUser(db, config, identity, data),
    sessionMayExist ? insertSessionOnce(invocation, session) : insertSession(db, config, session),
  ]);
  if (userUpdates === 0) {
    // The user document vanished between our read and update (deleted in the console):
    // create it again so the new session has a user. A concurrent re-creation is fine too.
    const recreated = newUserDoc(identity, now, { [session._id]: ref });
    await insertUser(db, config, recreated).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
    return response(token, session.expiresAt, recreated, true);
  }
  if (config.sessionPolicy === 'single') {
    // Everything but the new session, not just the map: also catches sessions a concurrent
    // login added after our read.
    await revokeSessions(db, config, identity, { _id: _.neq(session._id) }, now, 'single');
  } else if (plan.evict.length > 0) {
    await revokeSessions(db, config, identity, { _id: _.in(plan.evict) }, now, 'cap');
  }
  // The stored loginCount is exact (atomic increment); this answer may lag a concurrent login.
  const loginCount = (user.loginCount ?? 0) + 1;
  const updated: UserDoc = { ...user, loginCount, lastLoginAt: now, updatedAt: now };
  return response(token, session.expiresAt, updated, false);
}

/** After a lost race the session may already be stored by the failed parallel insert. */
async function insertSessionOnce(invocation: Invocation, session: SessionDoc) {
  try {
    await insertSession(invocation.db, invocation.config, session);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

function response(
  token: string,
  expiresAt: number,
  user: UserDoc,
  isNewUser: boolean,
): LoginResponse {
  return { token, expiresAt, user: toPublicUser(user), isNewUser };
}
