import type { LogoutResponse } from '../../../contract/src';
import { defineFunction } from '../entry';
import { revokeSessions } from '../sessions';
import { hashToken, isWellFormedToken } from '../token';
import { updateUser } from '../users';
import { requireScope, requireToken } from '../validation/request';

/**
 * logout({ token, scope }) -> { revoked }. Idempotent: an unknown, already revoked or another
 * user's token revokes nothing and answers `{ revoked: 0 }` (never says which).
 * `all` ends every open session of the caller (identity is the OPENID, so it works even from a
 * device whose own session already expired). No reads: one conditional update, plus one write
 * to forget the sessions in the user's map when something was revoked.
 */
export const main = /* @__PURE__ */ defineFunction<LogoutResponse>(async (event, invocation) => {
  const token = requireToken(event);
  const scope = requireScope(event);
  const { db, config, identity, now } = invocation;
  const _ = db.command;
  if (scope === 'all') {
    const revoked = await revokeSessions(db, config, identity, {}, now, 'logout');
    if (revoked > 0) await updateUser(db, config, identity, { activeSessions: _.set({}) });
    return { revoked };
  }
  if (!isWellFormedToken(token)) return { revoked: 0 };
  const hash = hashToken(token);
  const revoked = await revokeSessions(db, config, identity, { _id: hash }, now, 'logout');
  if (revoked > 0)
    await updateUser(db, config, identity, { activeSessions: { [hash]: _.remove() } });
  return { revoked };
});
