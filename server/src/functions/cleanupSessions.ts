import { defineFunction } from '../entry';
import { onCollection } from '../db/collections';
import type { SessionDoc } from '../sessions';

export interface CleanupResponse {
  deleted: number;
  cutoff: number;
}

/**
 * Run daily by the timer trigger in cloudbaserc.json (no OPENID there). Deletes sessions that
 * expired, or were revoked, more than SESSION_CLEANUP_AFTER_DAYS ago: one `where().remove()`.
 * Calling it from a client is harmless (it only removes dead sessions) and changes nothing else.
 */
export const main = defineFunction<CleanupResponse>(
  async (_event, { db, config, now }) => {
    const cutoff = now - config.cleanupAfterMs;
    const _ = db.command;
    const result = await onCollection<SessionDoc, { stats: { removed: number } }>(
      db,
      config.sessionsCollection,
      (sessions) =>
        sessions
          // `revokedAt` is null while open; compare numbers only.
          .where(_.or([{ expiresAt: _.lt(cutoff) }, { revokedAt: _.neq(null).and(_.lt(cutoff)) }]))
          .remove(),
    );
    return { deleted: result.stats.removed, cutoff };
  },
  { requireIdentity: false },
);
