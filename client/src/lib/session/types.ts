import type { Features, PublicUser } from '../../../../contract/src/index';
import type { CloudCallError } from '../cloud-error';
import type { CloudFunctionCaller } from '../call';

/** What the manager keeps in storage between launches. */
export interface StoredSession {
  token: string;
  /** Server time (ms) after which the server rejects the token. */
  expiresAt: number;
  user: PublicUser;
  /** Local time (ms) the server last confirmed the session (login or checkSession). */
  checkedAt: number;
  /**
   * Server clock minus device clock, re-estimated from the `serverTime` of every answer. Phones
   * with a wrong clock are common; expiry is judged on the server's clock.
   */
  serverOffsetMs?: number;
  /** The deployment's switches from the last login or check (absent: everything on). */
  features?: Features;
}

/**
 * `disabled`: the server refused the account (ACCOUNT_DISABLED); `deleted`: the user deleted it
 * on this phone. Neither logs in again by itself; login() (the user's tap) asks the server.
 */
export type SessionStatus =
  'logged-out' | 'logging-in' | 'logged-in' | 'failed' | 'disabled' | 'deleted';

/** What onChange listeners receive; pages render straight from it. */
export interface SessionSnapshot {
  status: SessionStatus;
  session: StoredSession | null;
  /** The last login failure while status is 'failed'; the refusal while 'disabled'. */
  error: CloudCallError | null;
}

/** Synchronous key-value storage, like wx.getStorageSync/setStorageSync/removeStorageSync. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** Optional blocking indicator, like wx.showLoading/hideLoading. Always shown and hidden in pairs. */
export interface LoadingIndicator {
  show(title: string): void;
  hide(): void;
}

export interface RetryPolicy {
  /** Total attempts for an idempotent call, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Everything the manager touches outside itself, so tests can supply each piece. */
export interface SessionDeps {
  cloud: CloudFunctionCaller;
  storage: KeyValueStorage;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1) for retry jitter. */
  random?: () => number;
  loading?: LoadingIndicator | null;
  /** A session is used only while expiresAt - skewMarginMs is in the future (clock skew). */
  skewMarginMs?: number;
  /** refresh() skips checkSession when the server confirmed the session this recently. */
  refreshIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  storageKey?: string;
  /** One client-side limit for every call (default: per function, lib/call-timeouts.ts). */
  callTimeoutMs?: number;
  /** Every failed call once classified; defaults to console.error + the realtime log. */
  onCallFailure?: (error: CloudCallError) => void;
}

export interface LoginOptions {
  /**
   * The user tapped 登录/重试: show a loading indicator. Silent logins (launch, background,
   * recovery) show nothing, so a weak network never covers the page and its 重试 button.
   */
  interactive?: boolean;
}

export interface CallOptions {
  /** Safe to repeat after a network failure. Defaults per function (see IDEMPOTENT_FUNCTIONS). */
  idempotent?: boolean;
  /** Shows a loading indicator with this title while the call runs. */
  loadingTitle?: string;
}
