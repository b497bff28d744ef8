import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../contract/src';
import { isTrustedDoc } from './authority';
import { onCollection } from './db/collections';
import type { Invocation } from './entry';

/**
 * The audit trail: one document per account event (never per ordinary login). Subjects and
 * admin actors are stored as a hash of the OPENID, and details hold field names, never values,
 * so the entries of a deleted account keep no profile data, phone or raw OPENID while they can
 * still be correlated (the same OPENID always hashes the same).
 */
export interface AuditDoc extends AuditEntry {
  _id?: string;
}

export function auditSubject(openid: string): string {
  return createHash('sha256').update(`wx-cloud-login:audit:${openid}`).digest('hex');
}

export type AuditActor = 'self' | 'wechat' | 'system' | { admin: string };

function actorOf(actor: AuditActor): string {
  return typeof actor === 'string' ? actor : auditSubject(actor.admin);
}

/**
 * Writes one entry. `id` makes the write idempotent for steps a client may retry (a deletion):
 * a second attempt finds the entry there and leaves it.
 */
export async function writeAudit(
  invocation: Pick<Invocation, 'db' | 'config' | 'now' | 'requestId'>,
  action: AuditAction,
  subjectOpenid: string,
  actor: AuditActor,
  details?: Record<string, unknown>,
  id?: string,
): Promise<void> {
  const { db, config, now, requestId } = invocation;
  const doc: AuditDoc = {
    time: now,
    action,
    subject: auditSubject(subjectOpenid),
    actor: actorOf(actor),
    requestId,
  };
  if (details) doc.details = details;
  if (id) doc._id = id;
  try {
    await onCollection<AuditDoc, unknown>(db, config.auditCollection, (audit) =>
      audit.add({ data: doc }),
    );
  } catch (error) {
    // With an id, the document decides (not the error's text): there already means an earlier
    // attempt wrote it, or this write landed and only its reply was lost.
    if (!id) throw error;
    const found = await onCollection<AuditDoc, { data: AuditDoc[] }>(
      db,
      config.auditCollection,
      (audit) => audit.where({ _id: id }).limit(1).get(),
    );
    const existing = found.data[0];
    if (!existing) throw error;
    // A client squatted the id (it carries `_openid`): the server's entry replaces it.
    if (!isTrustedDoc(existing)) {
      const { _id: _unused, ...data } = doc;
      await onCollection<AuditDoc, unknown>(db, config.auditCollection, (audit) =>
        audit.doc(id).set({ data }),
      );
    }
  }
}

/**
 * The newest entries about one account (admin `get`). Only entries the server wrote: a document
 * with `_openid` was added by a client (audit_log has a no-access rules file, but a collection
 * created on first use gets the console default, which lets any user add to it), and a time
 * in the future is not one the server wrote. Both are conditions of the query, so forged
 * entries can neither show nor push the real ones out of the page.
 */
export async function recentAudit(
  invocation: Pick<Invocation, 'db' | 'config' | 'now'>,
  subjectOpenid: string,
  limit: number,
): Promise<AuditEntry[]> {
  const { db, config, now } = invocation;
  const _ = db.command;
  const result = await onCollection<AuditDoc, { data: AuditDoc[] }>(
    db,
    config.auditCollection,
    (audit) =>
      audit
        .where({ subject: auditSubject(subjectOpenid), _openid: _.exists(false), time: _.lte(now) })
        .orderBy('time', 'desc')
        .limit(limit)
        .get(),
  );
  return result.data.map(({ _id, ...entry }) => entry);
}

/** Ages entries out after AUDIT_RETENTION_DAYS (run by cleanupSessions). */
export async function expireAudit(invocation: Pick<Invocation, 'db' | 'config' | 'now'>) {
  const { db, config, now } = invocation;
  const result = await onCollection<AuditDoc, { stats: { removed: number } }>(
    db,
    config.auditCollection,
    (audit) => audit.where({ time: db.command.lt(now - config.auditRetentionMs) }).remove(),
  );
  return result.stats.removed;
}
