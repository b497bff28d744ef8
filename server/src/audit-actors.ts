import { ADMIN_ROLE, type AuditEntry } from '../../contract/src';
import { accountsWhere } from './admin-list';
import { openidOfAccount } from './account-record';
import { auditSubject } from './audit';
import type { SessionContext } from './guard';

const NAMED_ACTORS = new Set(['self', 'wechat', 'system']);

/**
 * Names the admins behind audit entries for admin `get`. Entries store an admin actor as a hash
 * of the OPENID (so a deleted account's trail keeps no raw OPENID); an admin reading the trail
 * needs to know who acted, and may see every user's OPENID anyway. The hash is matched against
 * the admins the server knows now: the caller, ADMIN_OPENIDS and accounts holding the admin
 * role. An admin who has since lost the role or been deleted stays unnamed.
 */
export async function nameAdminActors(
  ctx: Pick<SessionContext, 'db' | 'config' | 'now' | 'identity'>,
  entries: AuditEntry[],
): Promise<AuditEntry[]> {
  if (entries.every((entry) => NAMED_ACTORS.has(entry.actor))) return entries;
  const admins = await accountsWhere(ctx, { roles: ADMIN_ROLE });
  const candidates = [
    ctx.identity.openid,
    ...ctx.config.adminOpenids,
    ...admins.map((account) => openidOfAccount(account)),
  ];
  const byHash = new Map(candidates.map((openid) => [auditSubject(openid), openid]));
  return entries.map((entry) => {
    const actorOpenid = byHash.get(entry.actor);
    return actorOpenid ? { ...entry, actorOpenid } : entry;
  });
}
