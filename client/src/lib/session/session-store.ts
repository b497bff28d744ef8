import type { KeyValueStorage, StoredSession } from './types';

export type LoggedOutReason = 'logout' | 'deleted';

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.token === 'string' &&
    v.token !== '' &&
    typeof v.expiresAt === 'number' &&
    typeof v.checkedAt === 'number' &&
    typeof v.user === 'object' &&
    v.user !== null
  );
}

/**
 * Reads and writes the one stored session; anything unreadable counts as no session.
 * Keeps a copy in memory so a failed storage write still leaves a working session.
 */
export class SessionStore {
  private cached: StoredSession | null | undefined;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  /**
   * Whether the user logged out and has not logged in since. Persisted (its own key), so a cold
   * start after 退出登录 does not log the user straight back in.
   */
  isLoggedOut(): boolean {
    return this.loggedOutReason() !== null;
  }

  /** Why the user is logged out: `deleted` after 注销, `logout` after 退出登录, null when not. */
  loggedOutReason(): LoggedOutReason | null {
    try {
      const value = this.storage.get(`${this.key}:logged-out`);
      if (value === 'deleted') return 'deleted';
      return value === true ? 'logout' : null;
    } catch {
      return null;
    }
  }

  setLoggedOut(loggedOut: boolean, reason: LoggedOutReason = 'logout'): void {
    try {
      // `true` for a plain logout keeps what older versions stored readable both ways.
      const value = reason === 'deleted' ? 'deleted' : true;
      if (loggedOut) this.storage.set(`${this.key}:logged-out`, value);
      else this.storage.remove(`${this.key}:logged-out`);
    } catch {
      // Not persisted: the manager still keeps the flag in memory for this launch.
    }
  }

  /**
   * The token of a deleteAccount whose outcome is unknown (no reply). Persisted, so a relaunch
   * finishes the deletion with it instead of logging in, which would register a new account.
   */
  pendingDeletion(): string | null {
    try {
      const token = this.storage.get(`${this.key}:deleting`);
      return typeof token === 'string' && token !== '' ? token : null;
    } catch {
      return null;
    }
  }

  setPendingDeletion(token: string | null): void {
    try {
      if (token) this.storage.set(`${this.key}:deleting`, token);
      else this.storage.remove(`${this.key}:deleting`);
    } catch {
      // Not persisted: this launch still retries with the token it holds.
    }
  }

  read(): StoredSession | null {
    if (this.cached !== undefined) return this.cached;
    try {
      const value = this.storage.get(this.key);
      this.cached = isStoredSession(value) ? value : null;
    } catch {
      // Storage can throw (quota, corrupt data); a missing session only costs one login.
      this.cached = null;
    }
    return this.cached;
  }

  write(session: StoredSession): void {
    this.cached = session;
    try {
      this.storage.set(this.key, session);
    } catch {
      // Not persisted: the session still lives in memory for this launch.
    }
  }

  clear(): void {
    this.cached = null;
    try {
      this.storage.remove(this.key);
    } catch {
      // Nothing more to do: read() validates whatever is left.
    }
  }
}
