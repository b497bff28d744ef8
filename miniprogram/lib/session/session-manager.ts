import type { AuthenticatedFunctionName, LogoutScope, ResponseOf } from '../../contract/index';
import { createCall, type TypedCall } from '../call';
import { CloudCallError, isCloudCallError, isSessionRejection } from '../cloud-error';
import { DEFAULT_RETRY } from './retry';
import { SessionStore } from './session-store';
import { callWithToken, type TokenCallTools, type WithoutToken } from './token-call';
import type { CallOptions, SessionDeps, SessionSnapshot, StoredSession } from './types';

export type { WithoutToken } from './token-call';

type Listener = (snapshot: SessionSnapshot) => void;

/**
 * Keeps the app's login state. Guarantees: at most one login in flight; no network while the
 * stored session is usable; a rejected token costs one login and one retry, never a loop.
 */
export class SessionManager {
  private readonly call: TypedCall;
  private readonly tools: TokenCallTools;
  private readonly store: SessionStore;
  private readonly now: () => number;
  private readonly skewMarginMs: number;
  private readonly refreshIntervalMs: number;
  private readonly listeners = new Set<Listener>();
  private inflight: Promise<StoredSession> | null = null;
  /** Set by logout(): refresh() must not log the user straight back in. */
  private loggedOut = false;
  private snapshot: SessionSnapshot;

  constructor(deps: SessionDeps) {
    this.call = createCall(() => deps.cloud);
    this.tools = {
      call: this.call,
      retry: { ...DEFAULT_RETRY, ...deps.retry },
      loading: deps.loading ?? null,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: deps.random ?? Math.random,
    };
    this.store = new SessionStore(deps.storage, deps.storageKey ?? 'wx-cloud-login:session');
    this.now = deps.now ?? (() => Date.now());
    this.skewMarginMs = deps.skewMarginMs ?? 60_000;
    this.refreshIntervalMs = deps.refreshIntervalMs ?? 5 * 60_000;
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
    this.loggedOut = false;
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

  /**
   * On app show: confirm the session with the server (at most every refreshIntervalMs), or log in
   * when there is none, unless the user logged out. Never rejects: failures show in the state.
   */
  async refresh(): Promise<void> {
    const session = this.current();
    try {
      if (!session) {
        if (!this.loggedOut) await this.login();
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
    this.loggedOut = true;
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
    this.tools.loading?.show('登录中');
    try {
      const res = await this.call('login', {});
      const checkedAt = this.now();
      const session: StoredSession = {
        token: res.token,
        expiresAt: res.expiresAt,
        user: res.user,
        checkedAt,
        serverOffsetMs: res.user.lastLoginAt - checkedAt,
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
      this.tools.loading?.hide();
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

  private invoke<N extends AuthenticatedFunctionName>(
    name: N,
    data: WithoutToken<N>,
    token: string,
    options: CallOptions,
  ): Promise<ResponseOf<N>> {
    return callWithToken(this.tools, name, data, token, options);
  }

  private usable(session: StoredSession | null): StoredSession | null {
    if (!session) return null;
    const serverNow = this.now() + (session.serverOffsetMs ?? 0);
    return session.expiresAt - this.skewMarginMs > serverNow ? session : null;
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
