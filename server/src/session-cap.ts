import type { ServerConfig } from './config';
import type { SessionRef } from './users';

export interface LoginPlan {
  /** Entries to remove from the user's `activeSessions` map: expired ones and evicted ones. */
  drop: string[];
  /** Live sessions the new login pushes out (the cap, or every one under SESSION_POLICY=single). */
  evict: string[];
}

/**
 * Decides, from the user's map of open sessions as read at login, which entries to forget and
 * which sessions to revoke so that the user keeps at most `maxSessionsPerUser` including the
 * new one (oldest first). Pure, so the rules are unit tested without a database. Expired
 * entries are just forgotten: an expired session can no longer be used anyway.
 */
export function planLogin(
  sessions: Record<string, SessionRef> | undefined,
  now: number,
  config: ServerConfig,
): LoginPlan {
  const entries = Object.entries(sessions ?? {});
  const expired = entries.filter(([, ref]) => !(ref.expiresAt > now)).map(([id]) => id);
  const live = entries
    .filter(([, ref]) => ref.expiresAt > now)
    .sort(([a, x], [b, y]) => x.createdAt - y.createdAt || (a < b ? -1 : 1))
    .map(([id]) => id);
  const keep = config.sessionPolicy === 'single' ? 0 : config.maxSessionsPerUser - 1;
  const evict = live.slice(0, Math.max(0, live.length - keep));
  return { drop: [...expired, ...evict], evict };
}
