import type { AdminListRequest, AdminListResponse, AdminUser } from '../../contract/src';
import { accountIdOf, accountIdPattern, openidOfAccount, type AccountDoc } from './account-record';
import { isTrustedDoc, rolesOf, statusOf } from './authority';
import { onCollection } from './db/collections';
import type { Filter } from './db/types';
import type { SessionContext } from './guard';
import { toPublicUser, type UserDoc } from './users';

type Ctx = Pick<SessionContext, 'db' | 'config' | 'now'>;
const DEFAULT_PAGE_SIZE = 20;
/** Status and role filters go through the account records; more than this many is refused. */
const FILTER_ACCOUNTS_MAX = 1000;

export function toAdminUser(doc: UserDoc, account: AccountDoc | undefined, ctx: Ctx): AdminUser {
  const live = Object.values(doc.activeSessions ?? {}).filter((ref) => ref.expiresAt > ctx.now);
  return {
    ...toPublicUser(doc, rolesOf(account, doc._id, ctx.config), account),
    openid: doc._id,
    status: statusOf(account),
    activeSessions: live.length,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function accountsWhere(ctx: Ctx, filter: Filter): Promise<AccountDoc[]> {
  const { db } = ctx;
  const result = await onCollection<AccountDoc, { data: AccountDoc[] }>(
    db,
    ctx.config.usersCollection,
    (users) =>
      users
        // By `_id` prefix: a record added by hand in the console may hold only `_id` and
        // `status` (a filter's own `_id` condition replaces it).
        .where({ _id: accountIdPattern(db), ...filter })
        .limit(FILTER_ACCOUNTS_MAX)
        .get(),
  );
  return result.data.filter(isTrustedDoc);
}

/**
 * Users newest first. The query matches an OPENID exactly, or part of a nickname or bound phone
 * number (one more read, of the account records); status and role filters first find the matching account records (a role granted
 * through ADMIN_OPENIDS only is not stored, so it does not match a role filter).
 */
export async function listUsers(ctx: Ctx, request: AdminListRequest): Promise<AdminListResponse> {
  const { db, config } = ctx;
  const _ = db.command;
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  // User documents carry `_openid`; account records never do.
  const conditions: unknown[] = [{ _openid: _.exists(true) }];
  if (request.query) {
    const pattern = db.RegExp({ regexp: escapeRegExp(request.query), options: 'i' });
    // The bound number (digits, no country code) is in the account record, `phone.number`.
    const bound = await accountsWhere(ctx, { 'phone.number': pattern });
    conditions.push(
      _.or([
        { _id: request.query },
        { nickName: pattern },
        { _id: _.in(bound.map((a) => openidOfAccount(a))) },
      ]),
    );
  }
  if (request.status === 'disabled' || request.role) {
    const filter: Filter = {};
    if (request.status === 'disabled') filter.status = 'disabled';
    if (request.role) filter.roles = request.role;
    const accounts = await accountsWhere(ctx, filter);
    conditions.push({ _id: _.in(accounts.map((a) => openidOfAccount(a))) });
  } else if (request.status === 'active') {
    const disabled = await accountsWhere(ctx, { status: 'disabled' });
    conditions.push({ _id: _.nin(disabled.map((a) => openidOfAccount(a))) });
  }
  const filter = _.and(conditions);
  const [found, counted] = await Promise.all([
    onCollection<UserDoc, { data: UserDoc[] }>(db, config.usersCollection, (users) =>
      users
        .where(filter)
        .orderBy('createdAt', 'desc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    onCollection<UserDoc, { total: number }>(db, config.usersCollection, (users) =>
      users.where(filter).count(),
    ),
  ]);
  const accounts = found.data.length
    ? await accountsWhere(ctx, { _id: _.in(found.data.map((u) => accountIdOf(u._id))) })
    : [];
  const byOpenid = new Map(accounts.map((a) => [openidOfAccount(a), a]));
  return {
    users: found.data.map((doc) => toAdminUser(doc, byOpenid.get(doc._id), ctx)),
    total: counted.total,
    page,
    pageSize,
  };
}
