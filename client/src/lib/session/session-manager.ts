import {
  isErrorCode,
  type AuthenticatedFunctionName,
  type LogoutScope,
  type PublicUser,
  type ResponseOf,
} from '../../../../contract/src/index';
import { maskPhoneNumber } from '../phone-mask';
import { createCall, type TypedCall } from '../call';
import { CloudCallError, isCloudCallError, isSessionRejection } from '../cloud-error';
import { DEFAULT_RETRY } from './retry';
import { ServerClock } from './server-clock';
import { SessionState, type Listener } from './session-state';
import { SessionStore, type LoggedOutReason } from './session-store';
import { callWithToken, type TokenCallTools, type WithoutToken } from './token-call';
import type {
  CallOptions,
  LoginOptions,
  SessionDeps,
  SessionSnapshot,
  StoredSession,
} from './types';

export type { WithoutToken } from './token-call';

/** An offset change smaller than this is network noise: not worth a storage write. */
const OFFSET_SAVE_THRESHOLD_MS = 1_000;

/** The phone keeps only the masked number: enough to show, nothing to leak from storage. */
function withMaskedPhone(user: PublicUser): PublicUser {
  if (!user.phone) return user;
  return { ...user, phone: { ...user.phone, number: maskPhoneNumber(user.phone.number) } };
}

const loggedOutError = (functionName: string) =>
  new CloudCallError({ code: 'LOGGED_OUT', functionName });

/**
 * Keeps the app's login state. Guarantees: at most one login in flight; no network while the
 * stored session is usable; a rejected token costs one login and one retry, never a loop; after
 * logout (persisted) nothing logs the user back in until login() is called.
 */
export class SessionManager {
  private readonly call: TypedCall;
  private readonly tools: TokenCallTools;
  private readonly store: SessionStore;
  private readonly now: () => number;
  private readonly clock: ServerClock;
  private readonly skewMarginMs: number;
  private readonly refreshIntervalMs: number;
  private readonly state: SessionState;
  private inflight: Promise<StoredSession> | null = null;
  /** The epoch the login in flight started in: after a logout, 登录 must not join it. */
  private inflightEpoch = 0;
  /** The server's ACCOUNT_DISABLED while the account is banned; cleared by login(). */
  private disabledBy: CloudCallError | null = null;
  /** Bumped by setUser(): a check that left before a profile save must not restore the old one. */
  private userRevision = 0;
  private refreshing: Promise<void> | null = null;
  private loggedOut: boolean;
  /** Bumped by logout(): a login or check that started before it must not store its result. */
  private epoch = 0;

  constructor(deps: SessionDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.store = new SessionStore(deps.storage, deps.storageKey ?? 'wx-cloud-login:session');
    this.clock = new ServerClock(this.now, this.store.read()?.serverOffsetMs ?? 0);
    this.call = createCall(() => deps.cloud, {
      timeoutMs: deps.callTimeoutMs,
      onFailure: deps.onCallFailure,
      now: this.now,
      onServerTime: (serverTime, sentAt, receivedAt) =>
        this.observeServerTime(serverTime, sentAt, receivedAt),
    });
    this.tools = {
      call: this.call,
      retry: { ...DEFAULT_RETRY, ...deps.retry },
      loading: deps.loading ?? null,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: deps.random ?? Math.random,
    };
    this.skewMarginMs = deps.skewMarginMs ?? 60_000;
    this.refreshIntervalMs = deps.refreshIntervalMs ?? 5 * 60_000;
    const loggedOutReason = this.store.loggedOutReason();
    this.loggedOut = loggedOutReason !== null;
    const stored = this.loggedOut ? null : this.current();
    this.state = new SessionState({
      status: stored ? 'logged-in' : loggedOutReason === 'deleted' ? 'deleted' : 'logged-out',
      session: stored,
      error: null,
    });
  }

  getSnapshot(): SessionSnapshot {
    return this.state.get();
  }

  /** Calls `listener` on every state change; returns the function that unsubscribes it. */
  onChange(listener: Listener): () => void {
    return this.state.subscribe(listener);
  }

  /** True after logout() until the next login(), across restarts. */
  isLoggedOut(): boolean {
    return this.loggedOut;
  }

  /** The stored session if it is still usable, without any network call. */
  current(): StoredSession | null {
    return this.usable(this.store.read());
  }

  /**
   * Resolves with a usable session: the stored one, else the result of one shared login.
   * After logout it rejects with LOGGED_OUT: only the user (login()) ends a logout.
   */
  ensureLogin(): Promise<StoredSession> {
    if (this.loggedOut) return Promise.reject(loggedOutError('login'));
    // Banned: asking again would only be refused again; the user's 登录 (login()) asks.
    if (this.disabledBy) return Promise.reject(this.disabledBy);
    const session = this.current();
    return session ? Promise.resolve(session) : this.startLogin(false);
  }

  /** The user asked to log in: ends a logout, joins a login in flight. Never asks for the profile. */
  login(options: LoginOptions = {}): Promise<StoredSession> {
    this.disabledBy = null;
    if (this.loggedOut) {
      this.loggedOut = false;
      this.store.setLoggedOut(false);
    }
    return this.startLogin(options.interactive ?? false);
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
   * At launch and on app show: confirm the session with the server when due (this is what
   * carries sliding renewal and a corrected clock to the phone), or log in silently when there
   * is none, unless the user logged out. Never rejects: failures show in the state.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.runRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /**
   * deleteAccount, safe to repeat: a lost reply is retried with the same token (the server
   * finishes a started deletion, or answers "nothing left"), never after a new login, which would
   * register the user again. A try whose outcome stays unknown is remembered (persisted) and
   * finished by the next refresh() or rejected session. On success: accountDeleted().
   */
  async deleteAccount(options: CallOptions = {}): Promise<ResponseOf<'deleteAccount'>> {
    const token = this.store.pendingDeletion() ?? (await this.ensureLogin()).token;
    this.store.setPendingDeletion(token);
    try {
      const result = await this.invoke('deleteAccount', {}, token, {
        ...options,
        idempotent: true,
      });
      this.store.setPendingDeletion(null);
      this.accountDeleted();
      return result;
    } catch (error) {
      // The server answered (a refusal): nothing is pending. No answer: keep it for later.
      if (isCloudCallError(error) && isErrorCode(error.code)) this.store.setPendingDeletion(null);
      throw error;
    }
  }

  /**
   * After deleteAccount succeeded: the server already ended every session, so this only forgets
   * the phone's copy (no logout call) and stays logged out, across restarts, until login().
   */
  accountDeleted(): void {
    this.endLocally('deleted');
    this.publish({ status: 'deleted', session: null, error: null });
  }

  /** Updates the stored user after a profile change, so every page sees the new profile. */
  setUser(user: StoredSession['user']): void {
    this.userRevision += 1;
    const session = this.current();
    if (session) this.save({ ...session, user });
  }

  /**
   * Ends the session locally at once (persisted, and winning over a login in flight) and on
   * the server when reachable. Resolves with whether the server confirmed it.
   */
  async logout(scope: LogoutScope = 'current'): Promise<boolean> {
    const session = this.store.read();
    this.endLocally('logout');
    this.publish({ status: 'logged-out', session: null, error: null });
    if (!session) return true;
    return this.revoke(session.token, scope);
  }

  /** Forgets the session for good: a login or check still running must not store its result. */
  private endLocally(reason: LoggedOutReason): void {
    this.epoch += 1;
    this.loggedOut = true;
    this.store.setLoggedOut(true, reason);
    this.store.clear();
  }

  /** The server refused the account: forget the session and show it; no automatic retry. */
  private markDisabled(error: CloudCallError): void {
    this.epoch += 1;
    this.disabledBy = error;
    this.store.clear();
    this.publish({ status: 'disabled', session: null, error });
  }

  private async runRefresh(): Promise<void> {
    if (this.loggedOut || this.disabledBy) return;
    if (this.store.pendingDeletion()) {
      await this.deleteAccount().catch(() => undefined);
      return;
    }
    const session = this.current();
    const epoch = this.epoch;
    const revision = this.userRevision;
    try {
      if (!session) {
        await this.startLogin(false);
        return;
      }
      // A negative elapsed time means the phone's clock went back: the check is due.
      const elapsed = this.now() - session.checkedAt;
      if (elapsed >= 0 && elapsed < this.refreshIntervalMs) return;
      const checked = await this.invoke('checkSession', { withUser: true }, session.token, {});
      if (epoch !== this.epoch) return; // logged out meanwhile
      // A profile saved while the check ran is newer than the user the check read.
      const saved = revision !== this.userRevision ? this.current()?.user : undefined;
      const user = saved ?? checked.user ?? session.user;
      const features = checked.features ?? session.features;
      this.save({
        ...session,
        expiresAt: checked.expiresAt,
        user,
        features,
        checkedAt: this.now(),
      });
    } catch (error) {
      if (session && isCloudCallError(error) && isSessionRejection(error.code)) {
        await this.replaceRejected(session.token).catch(() => undefined);
      }
      // Otherwise (offline...) keep the session: the next authenticated call finds out.
    }
  }

  private startLogin(interactive: boolean): Promise<StoredSession> {
    // A login that started before a logout is doomed (it ends as LOGGED_OUT): start a new one.
    if (!this.inflight || this.inflightEpoch !== this.epoch) {
      // Cleared whether it succeeds or fails, so a failed login is retried by the next caller.
      const login = this.runLogin(interactive).finally(() => {
        if (this.inflight === login) this.inflight = null;
      });
      this.inflight = login;
      this.inflightEpoch = this.epoch;
    }
    return this.inflight;
  }

  private async runLogin(interactive: boolean): Promise<StoredSession> {
    const epoch = this.epoch;
    this.publish({ status: 'logging-in', session: null, error: null });
    if (interactive) this.tools.loading?.show('登录中');
    try {
      const res = await this.call('login', {});
      if (epoch !== this.epoch) {
        // The user logged out while this login ran: their choice wins. End the new session on
        // the server too, so it does not linger and count against the session cap.
        void this.revoke(res.token, 'current');
        throw loggedOutError('login');
      }
      const session: StoredSession = {
        token: res.token,
        expiresAt: res.expiresAt,
        user: res.user,
        features: res.features,
        checkedAt: this.now(),
      };
      return this.save(session);
    } catch (error) {
      const failure = isCloudCallError(error)
        ? error
        : new CloudCallError({ code: 'UNKNOWN', functionName: 'login' });
      if (failure.code === 'ACCOUNT_DISABLED') this.markDisabled(failure);
      else if (failure.code !== 'LOGGED_OUT')
        this.publish({ status: 'failed', session: null, error: failure });
      throw failure;
    } finally {
      if (interactive) this.tools.loading?.hide();
    }
  }

  /**
   * After the server rejected `token`: join a login in flight, use a session another caller
   * already renewed, or clear and log in once. This is what keeps N rejections to one login.
   */
  private replaceRejected(token: string): Promise<StoredSession> {
    if (this.loggedOut) return Promise.reject(loggedOutError('login'));
    // Rejected because the account is being deleted: finish that, never register anew.
    if (this.store.pendingDeletion()) {
      return this.deleteAccount().then(() => Promise.reject(loggedOutError('login')));
    }
    if (this.inflight && this.inflightEpoch === this.epoch) return this.inflight;
    const current = this.current();
    if (current && current.token !== token) return Promise.resolve(current);
    this.store.clear();
    return this.startLogin(false);
  }

  private async revoke(token: string, scope: LogoutScope): Promise<boolean> {
    try {
      await this.invoke('logout', { scope }, token, {});
      return true;
    } catch {
      return false;
    }
  }

  private async invoke<N extends AuthenticatedFunctionName>(
    name: N,
    data: WithoutToken<N>,
    token: string,
    options: CallOptions,
  ): Promise<ResponseOf<N>> {
    try {
      return await callWithToken(this.tools, name, data, token, options);
    } catch (error) {
      if (isCloudCallError(error) && error.code === 'ACCOUNT_DISABLED') this.markDisabled(error);
      throw error;
    }
  }

  /** Every answer re-estimates the offset; a stored session keeps the latest estimate. */
  private observeServerTime(serverTime: number, sentAt: number, receivedAt: number): void {
    this.clock.observe(serverTime, sentAt, receivedAt);
    const session = this.store.read();
    const stored = session?.serverOffsetMs ?? 0;
    if (session && Math.abs(this.clock.offsetMs - stored) >= OFFSET_SAVE_THRESHOLD_MS) {
      this.store.write({ ...session, serverOffsetMs: this.clock.offsetMs });
    }
  }

  private usable(session: StoredSession | null): StoredSession | null {
    if (!session) return null;
    return session.expiresAt - this.skewMarginMs > this.clock.now() ? session : null;
  }

  private save(session: StoredSession): StoredSession {
    // The offset may have moved while the call that produced `session` ran.
    const stored = {
      ...session,
      user: withMaskedPhone(session.user),
      serverOffsetMs: this.clock.offsetMs,
    };
    this.store.write(stored);
    this.publish({ status: 'logged-in', session: stored, error: null });
    return stored;
  }

  private publish(snapshot: SessionSnapshot): void {
    this.state.publish(snapshot);
  }
}
