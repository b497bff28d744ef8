import { ADMIN_ROLE } from '../../contract/src';
import type {
  AccountStatus,
  AdminResponses,
  AdminSession,
  AdminUsersRequest,
} from '../../contract/src';
import { findUserAndAccount, writeAccount, type UserAndAccount } from './account-record';
import { listUsers, toAdminUser } from './admin-list';
import { recentAudit, writeAudit } from './audit';
import { nameAdminActors } from './audit-actors';
import { isTrustedDoc, rolesOf, statusOf } from './authority';
import { onCollection } from './db/collections';
import { deleteAccountData } from './deletion';
import { AppError } from './errors';
import type { SessionContext } from './guard';
import { relabelDisabledSessions, revokeForBan, revokeSessions } from './sessions';
import type { SessionDoc } from './sessions';
import { updateUser, type UserDoc } from './users';

type Ctx = SessionContext;
const AUDIT_SHOWN = 20;
const SESSIONS_SHOWN = 50;

async function target(ctx: Ctx, openid: string): Promise<UserAndAccount & { user: UserDoc }> {
  const found = await findUserAndAccount(ctx.db, ctx.config, openid);
  if (!found.user) throw new AppError('NOT_FOUND', { field: 'openid' });
  return { ...found, user: found.user };
}

function refuseSelf(ctx: Ctx, openid: string, field = 'openid'): void {
  if (openid === ctx.identity.openid)
    throw new AppError('PERMISSION_DENIED', { field, reason: 'self' });
}

/**
 * An admin from ADMIN_OPENIDS (the deployment's own first admin) is out of other admins' reach:
 * no admin can disable, demote or delete it; only a change of configuration can.
 */
function refuseConfiguredAdmin(ctx: Ctx, openid: string): void {
  if (ctx.config.adminOpenids.includes(openid))
    throw new AppError('PERMISSION_DENIED', { field: 'openid', reason: 'configured_admin' });
}

const byAdmin = (ctx: Ctx) => ({ admin: ctx.identity.openid });

async function get(ctx: Ctx, openid: string): Promise<AdminResponses['get']> {
  const { db, config } = ctx;
  const [found, sessions, audit] = await Promise.all([
    target(ctx, openid),
    onCollection<SessionDoc, { data: SessionDoc[] }>(db, config.sessionsCollection, (s) =>
      s.where({ openid }).orderBy('createdAt', 'desc').limit(SESSIONS_SHOWN).get(),
    ),
    recentAudit(ctx, openid, AUDIT_SHOWN),
  ]);
  // No `_id` (the token hash) or anything else derived from a token leaves the server.
  const shown = sessions.data.filter(isTrustedDoc).map((s) => {
    const item: AdminSession = {
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
      revokedAt: s.revokedAt,
    };
    if (s.revokedReason) item.revokedReason = s.revokedReason;
    if (s.client) item.client = s.client;
    return item;
  });
  return {
    user: toAdminUser(found.user, found.account, ctx),
    sessions: shown,
    audit: await nameAdminActors(ctx, audit),
  };
}

async function setStatus(ctx: Ctx, openid: string, status: AccountStatus) {
  if (status === 'disabled') {
    refuseSelf(ctx, openid);
    refuseConfiguredAdmin(ctx, openid);
  }
  const { db, config, now } = ctx;
  const found = await target(ctx, openid);
  const from = statusOf(found.account);
  // The status first: from here login refuses; then the sessions, so no old token works.
  await writeAccount(db, config, openid, found.account, { status }, now);
  let revoked = 0;
  let user = found.user;
  if (status === 'disabled') {
    revoked = await revokeForBan(db, config, openid, now);
    await updateUser(db, config, { openid }, { activeSessions: db.command.set({}) });
    user = { ...user, activeSessions: {} };
  } else {
    await relabelDisabledSessions(db, config, openid);
  }
  await writeAudit(ctx, 'status.changed', openid, byAdmin(ctx), { from, to: status, revoked });
  const account = {
    ...(found.account ?? { _id: '', kind: 'account' as const, openid, updatedAt: now }),
    status,
  };
  return { user: toAdminUser(user, account, ctx), revoked };
}

async function setRoles(ctx: Ctx, openid: string, roles: string[]) {
  if (!roles.includes(ADMIN_ROLE)) {
    refuseSelf(ctx, openid, 'roles');
    refuseConfiguredAdmin(ctx, openid);
  }
  const { db, config, now } = ctx;
  const found = await target(ctx, openid);
  const from = rolesOf(found.account, openid, { adminOpenids: [] });
  await writeAccount(db, config, openid, found.account, { roles }, now);
  await writeAudit(ctx, 'roles.changed', openid, byAdmin(ctx), { from, to: roles });
  const account = {
    ...(found.account ?? { _id: '', kind: 'account' as const, openid, updatedAt: now }),
    roles,
  };
  return { user: toAdminUser(found.user, account, ctx) };
}

async function revokeAll(ctx: Ctx, openid: string) {
  const { db, config, now } = ctx;
  await target(ctx, openid);
  const revoked = await revokeSessions(db, config, { openid }, {}, now, 'admin');
  await updateUser(db, config, { openid }, { activeSessions: db.command.set({}) });
  await writeAudit(ctx, 'sessions.revoked', openid, byAdmin(ctx), { revoked });
  return { revoked };
}

async function remove(ctx: Ctx, openid: string) {
  refuseSelf(ctx, openid);
  refuseConfiguredAdmin(ctx, openid);
  const found = await target(ctx, openid);
  return { deleted: await deleteAccountData(ctx, openid, found, byAdmin(ctx)) };
}

/** One admin action; the caller already holds the admin role (checked by the guard). */
export async function runAdminAction(ctx: Ctx, request: AdminUsersRequest) {
  switch (request.action) {
    case 'list':
      return listUsers(ctx, request);
    case 'get':
      return get(ctx, request.openid);
    case 'setStatus':
      return setStatus(ctx, request.openid, request.status);
    case 'setRoles':
      return setRoles(ctx, request.openid, request.roles);
    case 'revokeSessions':
      return revokeAll(ctx, request.openid);
    case 'delete':
      return remove(ctx, request.openid);
  }
}
