/**
 * The session cap under concurrent logins of one account. A login S writes its map entry and
 * stores its session in parallel; a login X that reads the map in between may evict S. Each
 * interleaving is chosen by holding database requests (support/interleave.ts), not left to
 * machine load: test/reliability/concurrent-logins.test.ts met these only now and then.
 */
import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { holdRequest, insertInto, updateOf, whenAnswered, writeTo } from './support/interleave';
import { login } from './support/users';
import { hashToken } from '../../server/src/token';

const CAP = 2;
const SECOND = 1000;

interface StoredSession {
  _id: string;
  revokedAt: number | null;
  revokedReason?: string;
}

describe(`a login evicted by a concurrent one (MAX_SESSIONS_PER_USER=${CAP})`, () => {
  let fx: FunctionsHarness;
  /** Undone in reverse order after each test (each hook wraps the one before it). */
  const hooks: Array<() => void> = [];
  beforeAll(async () => {
    fx = await startFunctions({ MAX_SESSIONS_PER_USER: String(CAP) });
  });
  afterEach(() => {
    while (hooks.length > 0) hooks.pop()!();
    fx.emulator.clock.unfreeze();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  /** A user whose map is empty: a returning one (logged in, then out), or none yet. */
  async function prepare(openid: string, kind: 'returning' | 'first') {
    const user = { openid };
    if (kind === 'returning') {
      const { token } = await login(fx, user);
      dataOf(await fx.call('logout', { token, scope: 'current' }, user));
    }
    return user;
  }

  /**
   * Starts login S at `at` and holds it with its map entry written and its session insert
   * not yet made; then logs in CAP - 1 more times, a second apart, so S is the oldest entry.
   */
  async function startHeldLogin(user: { openid: string }, at: number) {
    fx.emulator.clock.freeze(at);
    const insert = holdRequest(fx, 'login', 1, insertInto('sessions'));
    hooks.push(insert.restore);
    const mapWritten = whenAnswered(fx, 'login', 1, writeTo('users'));
    hooks.push(mapWritten.restore);
    const s = fx.call<LoginResponse>('login', {}, user);
    expect(await insert.reached).toBe(true);
    await mapWritten.done;
    const others: LoginResponse[] = [];
    for (let i = 1; i < CAP; i += 1) {
      fx.emulator.clock.freeze(at + i * SECOND);
      others.push(await login(fx, user));
    }
    return { s, insert, others };
  }

  async function openSessions(openid: string): Promise<string[]> {
    const open = await fx.documents<StoredSession>('sessions', { openid, revokedAt: null });
    return open.map((doc) => doc._id).sort();
  }

  /** The user's map, as the next login will read it. */
  async function mapOf(openid: string): Promise<string[]> {
    const [user] = await fx.documents<{ activeSessions: Record<string, unknown> }>('users', {
      _id: openid,
    });
    return Object.keys(user?.activeSessions ?? {}).sort();
  }

  async function sessionOf(token: string): Promise<StoredSession | undefined> {
    const [doc] = await fx.documents<StoredSession>('sessions', { _id: hashToken(token) });
    return doc;
  }

  test.each(['returning', 'first'] as const)(
    "S's session is stored only after X evicted it and revoked nothing (%s user): S gets RATE_LIMITED, no open session outside the map",
    async (kind) => {
      const user = await prepare(`o-evicted-before-insert-${kind}`, kind);
      const at = Date.now() + 60 * SECOND;
      const { s, insert, others } = await startHeldLogin(user, at);
      // X: reads S's entry as the oldest, removes it, revokes it: no session document yet.
      fx.emulator.clock.freeze(at + CAP * SECOND);
      const x = await login(fx, user);
      insert.release();
      const reply = await s;
      // Every open session is one the map names (so a later login can evict it): X's and Y's.
      const kept = [...others, x].map((r) => hashToken(r.token)).sort();
      expect(await openSessions(user.openid)).toEqual(kept);
      expect(await mapOf(user.openid)).toEqual(kept);
      expect(errorOf(reply)).toMatchObject({
        code: 'RATE_LIMITED',
        details: { reason: 'evicted' },
      });
      const stored = await fx.documents<StoredSession>('sessions', {
        openid: user.openid,
        revokedReason: 'evicted',
      });
      expect(stored).toHaveLength(1);
      // And the cap holds after the next login: nothing is left that it cannot evict.
      fx.emulator.clock.freeze(at + (CAP + 1) * SECOND);
      await login(fx, user);
      expect(await openSessions(user.openid)).toHaveLength(CAP);
    },
  );

  test("S's re-read comes before X removes its entry: X's revocation, sent only after that removal, ends S", async () => {
    const user = await prepare('o-evicted-after-reread', 'returning');
    const at = Date.now() + 60 * SECOND;
    const { s, insert, others } = await startHeldLogin(user, at);
    // X reads S's entry, then its map update is held (S's was the last users update before).
    fx.emulator.clock.freeze(at + CAP * SECOND);
    const removal = holdRequest(fx, 'login', 1, updateOf('users'));
    hooks.push(removal.restore);
    const xInserted = whenAnswered(fx, 'login', 1, insertInto('sessions'));
    hooks.push(xInserted.restore);
    // The order that matters, recorded: X's revocation reaches the database only once its map
    // update has been answered. Sent alongside the update (as before this fix), it would arrive
    // while the update is held, revoke nothing, and S's insert would then stay open.
    const removalAnswered = whenAnswered(fx, 'login', 1, updateOf('users'));
    hooks.push(removalAnswered.restore);
    let answered = false;
    void removalAnswered.done.then(() => (answered = true));
    const revocation = holdRequest(fx, 'login', 1, updateOf('sessions'));
    hooks.push(revocation.restore);
    revocation.release(); // only observed, never held
    const revocationAfterRemoval = revocation.reached.then(() => answered);
    const x = fx.call<LoginResponse>('login', {}, user);
    expect(await removal.reached).toBe(true);
    // X's own insert runs in parallel with the held update: once it is answered, anything X
    // sends alongside its update has been sent too.
    await xInserted.done;
    // S stores its session and re-reads its entry (still there): it answers with a token.
    insert.release();
    const sReply = dataOf(await s);
    removal.release();
    const xReply = dataOf(await x);
    expect(await revocationAfterRemoval).toBe(true);
    expect((await sessionOf(sReply.token))?.revokedReason).toBe('cap');
    const check = await fx.call<CheckSessionResponse>(
      'checkSession',
      { token: sReply.token },
      user,
    );
    expect(errorOf(check).code).toBe('SESSION_INVALID');
    const kept = [...others, xReply].map((r) => hashToken(r.token)).sort();
    expect(await openSessions(user.openid)).toEqual(kept);
    expect(await mapOf(user.openid)).toEqual(kept);
  });
});
