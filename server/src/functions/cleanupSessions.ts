import { expireAudit } from '../audit';
import { onCollection } from '../db/collections';
import { defineFunction } from '../entry';
import { assertTimerTrigger } from '../platform-caller';
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
 * older than AUDIT_RETENTION_DAYS. Only its timer trigger may run it (SOURCE `wx_trigger`, see
 * platform-caller.ts); anything else is refused before touching anything.
 */
export const main = /* @__PURE__ */ defineFunction<CleanupResponse>(
  async (_event, invocation) => {
    const { db, config, now } = invocation;
    assertTimerTrigger(invocation.caller);
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
