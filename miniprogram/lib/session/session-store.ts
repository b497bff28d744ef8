import type { KeyValueStorage, StoredSession } from './types';

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
    try {
      return this.storage.get(`${this.key}:logged-out`) === true;
    } catch {
      return false;
    }
  }

  setLoggedOut(loggedOut: boolean): void {
    try {
      if (loggedOut) this.storage.set(`${this.key}:logged-out`, true);
      else this.storage.remove(`${this.key}:logged-out`);
    } catch {
      // Not persisted: the manager still keeps the flag in memory for this launch.
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
