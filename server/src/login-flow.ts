import type { ClientInfo, LoginResponse } from '../../contract/src';
import { writeAudit } from './audit';
import { findUserAndAccount, type AccountDoc } from './account-record';
import { rolesOf, statusOf } from './authority';
import { deleteAccountData } from './deletion';
import type { Invocation } from './entry';
import { AppError } from './errors';
import { revokeReplaced, settleLogin } from './login-settle';
import { planLogin } from './session-cap';
import { insertSession, newSessionDoc, revokeSessions } from './sessions';
import type { SessionDoc } from './sessions';
import { hashToken, newToken } from './token';
import type { Filter } from './db/types';
import type { SessionRef, UserDoc } from './users';
import { findUser, insertUser, newUserDoc, replaceUser, toPublicUser, updateUser } from './users';

/**
 * login, in database calls (round trips in brackets), each + 1 read [+1] of the user and the
 * account record together once the session is stored (see settleLogin in login-settle.ts):
 *  - returning user under the cap: read user, then update user + insert session in parallel (3 [2]);
 *  - new user: read (miss), insert user, then insert session (3 [3]): the user exists before
 *    any session that names it, so a failed user insert can never leave a usable session
 *    without its user (a failed session insert only leaves a map entry that ages out);
 *  - + 1 write when the cap or SESSION_POLICY=single revokes older sessions (the sessions to end
 *    are known from the read), sent in the last round alongside the re-read: no extra round
 *    trip. It must come after our map update has landed, never with it: see settleLogin;
 *  - failed user insert: + 1 read of the document, which decides (not the error's text).
 * A new user also gets an audit entry, written in parallel with the user (best effort: + 1
 * write, no added round trip). A disabled account (status set by adminUsers or by hand in the
 * console) gets ACCOUNT_DISABLED after the one read, and no session. A login whose session a
 * concurrent login evicted before it answered gets RATE_LIMITED (reason `evicted`), no token.
 */
export async function login(
  invocation: Invocation,
  client: ClientInfo | undefined,
): Promise<LoginResponse> {
  const { reply, replaces } = await issueSession(invocation, client);
  await settleLogin(invocation, hashToken(reply.token), replaces);
  return reply;
}

/** A stored session and its answer; `replaces`: what the cap plan pushed out of the map. */
interface Issued {
  reply: LoginResponse;
  replaces?: string[];
}

async function issueSession(
  invocation: Invocation,
  client: ClientInfo | undefined,
): Promise<Issued> {
  const { db, config, identity, now } = invocation;
  const token = newToken();
  const hash = hashToken(token);
  const session = newSessionDoc(hash, identity, now, config, client);
  const ref: SessionRef = { createdAt: now, expiresAt: session.expiresAt };

  const found = await findUserAndAccount(db, config, identity.openid);
  let existing = found.user;
  if (statusOf(found.account) === 'disabled') throw new AppError('ACCOUNT_DISABLED');
  const roles = rolesOf(found.account, identity.openid, config);
  let account = found.account;
  if (account?.deletingAt !== undefined) {
    // A deletion the client never finished: finish it, then this is a brand-new user.
    await deleteAccountData(invocation, identity.openid, found, 'self');
    existing = undefined;
    account = undefined;
  }
  const state: AccountState = { roles, account };
  // A document someone else's client planted under this OPENID before the first login (it
  // carries the planter's `_openid`): never adopted; the new user's document replaces it.
  const planted = existing !== undefined && existing._openid !== identity.openid;
  if (existing && !planted) return returningLogin(invocation, existing, token, session, ref, state);
  const created = newUserDoc(identity, now, { [hash]: ref });
  if (planted) {
    await Promise.all([replaceUser(db, config, created), auditCreated(invocation)]);
    await insertSession(db, config, session);
    return { reply: response(state, token, session.expiresAt, created, true) };
  }
  const [stored] = await Promise.all([
    insertUserOrRead(invocation, created),
    auditCreated(invocation),
  ]);
  if (stored.activeSessions?.[hash] === undefined) {
    // Another first login of the same OPENID created the user (the `_id` is the OPENID).
    return returningLogin(invocation, stored, token, session, ref, state);
  }
  // Ours: inserted now, or inserted although the reply was lost.
  await insertSession(db, config, session);
  return { reply: response(state, token, session.expiresAt, created, true) };
}

/**
 * Inserts the user; when the insert fails, reads the document to decide what happened instead
 * of trusting the error: present means a concurrent first login won (or our write landed and
 * only its reply was lost), absent means a real failure, which is rethrown. The SDK drops the
 * server's code for a duplicate `_id` and production's errCode for it is not documented.
 */
async function insertUserOrRead(invocation: Invocation, doc: UserDoc): Promise<UserDoc> {
  const { db, config, identity } = invocation;
  try {
    await insertUser(db, config, doc);
    return doc;
  } catch (error) {
    const found = await findUser(db, config, identity);
    if (!found) throw error;
    return found;
  }
}

async function returningLogin(
  invocation: Invocation,
  user: UserDoc,
  token: string,
  session: SessionDoc,
  ref: SessionRef,
  state: AccountState,
): Promise<Issued> {
  const { db, config, identity, now } = invocation;
  const plan = planLogin(user.activeSessions, now, config);
  const _ = db.command;
  const activeSessions: Filter = { [session._id]: ref };
  for (const id of plan.drop) activeSessions[id] = _.remove();
  const data: Filter = { loginCount: _.inc(1), lastLoginAt: now, updatedAt: now, activeSessions };
  // Kept when present: an app bound to an Open Platform account later starts sending UNIONID.
  if (identity.appid) data.appid = identity.appid;
  if (identity.unionid) data.unionid = identity.unionid;
  // The evicted sessions are revoked by settleLogin, once this update (their removal) landed.
  const replaces = plan.evict;
  const [userUpdates] = await Promise.all([
    updateUser(db, config, identity, data),
    insertSession(db, config, session),
  ]).catch(async (error: unknown) => {
    // The update may have landed (only its reply lost): end what it removed from the map.
    await revokeReplaced(invocation, session._id, replaces).catch(() => undefined);
    throw error;
  });
  if (userUpdates === 0) {
    // The user document vanished between our read and update (deleted in the console):
    // create it again so the new session has a user. A concurrent re-creation is fine too
    // (settleLogin ends our session if its map lacks us); if neither exists, end the session
    // we just stored rather than leave it without a user.
    const recreated = newUserDoc(identity, now, { [session._id]: ref });
    try {
      await insertUserOrRead(invocation, recreated);
    } catch (error) {
      await revokeSessions(db, config, identity, { _id: session._id }, now, 'orphan');
      throw error;
    }
    return { reply: response(state, token, session.expiresAt, recreated, true), replaces };
  }
  // The stored loginCount is exact (atomic increment); this answer may lag a concurrent login.
  const loginCount = (user.loginCount ?? 0) + 1;
  const updated: UserDoc = { ...user, loginCount, lastLoginAt: now, updatedAt: now };
  return { reply: response(state, token, session.expiresAt, updated, false), replaces };
}

/** Best effort: a lost audit entry must not cost the user their login. */
async function auditCreated(invocation: Invocation): Promise<void> {
  await writeAudit(invocation, 'account.created', invocation.identity.openid, 'self').catch(
    (error: unknown) => {
      console.error(`[wx-cloud-login] audit write failed requestId=${invocation.requestId}`, error);
    },
  );
}

/** What the answer says beyond the profile: from the trusted account record, as read. */
interface AccountState {
  roles: string[];
  account: AccountDoc | undefined;
}

function response(
  state: AccountState,
  token: string,
  expiresAt: number,
  user: UserDoc,
  isNewUser: boolean,
): LoginResponse {
  return { token, expiresAt, user: toPublicUser(user, state.roles, state.account), isNewUser };
}
