import type {
  AuthenticatedFunctionName,
  FunctionName,
  LogoutScope,
  RequestOf,
  ResponseOf,
} from '../../contract/index';
import { createCall, type TypedCall } from '../call';
import { CloudCallError, isCloudCallError, isSessionRejection } from '../cloud-error';
import { DEFAULT_RETRY, withRetry } from './retry';
import { SessionStore } from './session-store';
import type {
  CallOptions,
  LoadingIndicator,
  RetryPolicy,
  SessionDeps,
  SessionSnapshot,
  StoredSession,
} from './types';

/** Built-in functions that are safe to repeat after a lost reply. login is not: it counts logins. */
const IDEMPOTENT_FUNCTIONS: ReadonlySet<string> = new Set<FunctionName>([
  'checkSession',
  'updateUserInfo',
  'logout',
]);

/** The request of an authenticated function without its token: the manager adds it. */
export type WithoutToken<N extends AuthenticatedFunctionName> = Omit<RequestOf<N>, 'token'>;

type Listener = (snapshot: SessionSnapshot) => void;

/**
 * Keeps the app's login state. Guarantees: at most one login in flight; no network while the
 * stored session is usable; a rejected token costs one login and one retry, never a loop.
 */
export class SessionManager {
  private readonly call: TypedCall;
  private readonly store: SessionStore;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly loading: LoadingIndicator | null;
  private readonly skewMarginMs: number;
  private readonly refreshIntervalMs: number;
  private readonly retry: RetryPolicy;
  private readonly listeners = new Set<Listener>();
  private inflight: Promise<StoredSession> | null = null;
  private snapshot: SessionSnapshot;

  constructor(deps: SessionDeps) {
    this.call = createCall(() => deps.cloud);
    this.store = new SessionStore(deps.storage, deps.storageKey ?? 'wx-cloud-login:session');
    this.now = deps.now ?? (() => Date.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
    this.loading = deps.loading ?? null;
    this.skewMarginMs = deps.skewMarginMs ?? 60_000;
    this.refreshIntervalMs = deps.refreshIntervalMs ?? 5 * 60_000;
    this.retry = { ...DEFAULT_RETRY, ...deps.retry };
    const stored = this.usable(this.store.read());
    this.snapshot = { status: stored ? 'logged-in' : 'logged-out', session: stored, error: null };
  }

  getSnapshot(): SessionSnapshot {
    return this.snapshot;
  }

  /** Calls `listener` on every state change; returns the function that unsubscribes it. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stored session if it is still usable, without any network call. */
  current(): StoredSession | null {
    return this.usable(this.store.read());
  }

  /** Resolves with a usable session: the stored one, else the result of one shared login. */
  ensureLogin(): Promise<StoredSession> {
    const session = this.current();
    return session ? Promise.resolve(session) : this.login();
  }

  /** Logs in now, joining a login already in flight. Never asks for the user's profile. */
  login(): Promise<StoredSession> {
    if (!this.inflight) {
      // Cleared whether it succeeds or fails, so a failed login is retried by the next caller.
      this.inflight = this.runLogin().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /** Calls a function that needs a login, adding the token and recovering from its rejection. */
  async callAuthenticated<N extends AuthenticatedFunctionName>(
    name: N,
    data: WithoutToken<N>,
    options: CallOptions = {},
  ): Promise<ResponseOf<N>> {
    const session = await this.ensureLogin();
    try {
      return await this.invoke(name, data, session.token, options);
    } catch (error) {
      if (!isCloudCallError(error) || !isSessionRejection(error.code)) throw error;
      const renewed = await this.replaceRejected(session.token);
      // One retry with the new token; a second rejection reaches the caller.
      return this.invoke(name, data, renewed.token, options);
    }
  }

  /** On app show: confirm the session with the server (at most every refreshIntervalMs). */
  async refresh(): Promise<void> {
    const session = this.current();
    try {
      if (!session) {
        await this.login();
        return;
      }
      if (this.now() - session.checkedAt < this.refreshIntervalMs) return;
      const checked = await this.invoke('checkSession', { withUser: true }, session.token, {});
      const user = checked.user ?? session.user;
      this.save({ ...session, expiresAt: checked.expiresAt, user, checkedAt: this.now() });
    } catch (error) {
      if (session && isCloudCallError(error) && isSessionRejection(error.code)) {
        await this.replaceRejected(session.token).catch(() => undefined);
      }
      // Otherwise (offline...) keep the session: the next authenticated call finds out.
    }
  }

  /** Updates the stored user after a profile change, so every page sees the new profile. */
  setUser(user: StoredSession['user']): void {
    const session = this.current();
    if (session) this.save({ ...session, user });
  }

  /**
   * Ends the session locally at once and on the server when reachable.
   * Resolves with whether the server confirmed it.
   */
  async logout(scope: LogoutScope = 'current'): Promise<boolean> {
    const session = this.store.read();
    this.store.clear();
    this.publish({ status: 'logged-out', session: null, error: null });
    if (!session) return true;
    try {
      await this.invoke('logout', { scope }, session.token, {});
      return true;
    } catch {
      return false;
    }
  }

  private async runLogin(): Promise<StoredSession> {
    this.publish({ status: 'logging-in', session: null, error: null });
    this.loading?.show('登录中');
    try {
      const res = await this.call('login', {});
      const session: StoredSession = {
        token: res.token,
        expiresAt: res.expiresAt,
        user: res.user,
        checkedAt: this.now(),
      };
      this.save(session);
      return session;
    } catch (error) {
      const failure = isCloudCallError(error)
        ? error
        : new CloudCallError({ code: 'UNKNOWN', functionName: 'login' });
      this.publish({ status: 'failed', session: null, error: failure });
      throw failure;
    } finally {
      this.loading?.hide();
    }
  }

  /**
   * After the server rejected `token`: join a login in flight, use a session another caller
   * already renewed, or clear and log in once. This is what keeps N rejections to one login.
   */
  private replaceRejected(token: string): Promise<StoredSession> {
    if (this.inflight) return this.inflight;
    const current = this.current();
    if (current && current.token !== token) return Promise.resolve(current);
    this.store.clear();
    return this.login();
  }

  private async invoke<N extends AuthenticatedFunctionName>(
    name: N,
    data: WithoutToken<N>,
    token: string,
    options: CallOptions,
  ): Promise<ResponseOf<N>> {
    // Omit<R, 'token'> & { token } is R, but TypeScript cannot see it for a generic N.
    const request = { ...data, token } as unknown as RequestOf<N>;
    const idempotent = options.idempotent ?? IDEMPOTENT_FUNCTIONS.has(name);
    const attempt = () => this.call(name, request);
    if (options.loadingTitle) this.loading?.show(options.loadingTitle);
    try {
      if (!idempotent) return await attempt();
      return await withRetry(attempt, this.retry, { sleep: this.sleep, random: this.random });
    } finally {
      if (options.loadingTitle) this.loading?.hide();
    }
  }

  private usable(session: StoredSession | null): StoredSession | null {
    return session && session.expiresAt - this.skewMarginMs > this.now() ? session : null;
  }

  private save(session: StoredSession): void {
    this.store.write(session);
    this.publish({ status: 'logged-in', session, error: null });
  }

  private publish(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}
