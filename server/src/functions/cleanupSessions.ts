import { expireAudit } from '../audit';
import { onCollection } from '../db/collections';
import { defineFunction } from '../entry';
import { refuseMiniProgramCallers } from '../authority';
import type { SessionDoc } from '../sessions';

export interface CleanupResponse {
  deleted: number;
  cutoff: number;
  /** Audit entries older than AUDIT_RETENTION_DAYS removed by this run. */
  auditDeleted: number;
}

/**
 * Run daily by the timer trigger in cloudbaserc.json. Deletes sessions that expired, or were
 * revoked, more than SESSION_CLEANUP_AFTER_DAYS ago (one `where().remove()`), and audit entries
 * older than AUDIT_RETENTION_DAYS. A timer trigger carries no OPENID; a call that does came from
 * a mini program (any user can call any function) and is refused before touching anything.
 */
export const main = defineFunction<CleanupResponse>(
  async (_event, invocation) => {
    const { db, config, now, identity } = invocation;
    refuseMiniProgramCallers(identity.openid);
    const cutoff = now - config.cleanupAfterMs;
    const _ = db.command;
    const [result, auditDeleted] = await Promise.all([
      onCollection<SessionDoc, { stats: { removed: number } }>(
        db,
        config.sessionsCollection,
        (sessions) =>
          sessions
            // `revokedAt` is null while open; compare numbers only.
            .where(
              _.or([{ expiresAt: _.lt(cutoff) }, { revokedAt: _.neq(null).and(_.lt(cutoff)) }]),
            )
            .remove(),
      ),
      expireAudit(invocation),
    ]);
    return { deleted: result.stats.removed, cutoff, auditDeleted };
  },
  { requireIdentity: false },
);
