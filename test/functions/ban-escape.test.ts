/**
 * Issue 21 item 2: a ban cannot be escaped, neither by deleting the account (and logging in as
 * a fresh one) nor by a login that races the ban. The race is explored deterministically: each
 * database request of one side is held, in turn, until the other side has finished.
 */
import type { AdminSetStatusResponse, LoginResponse } from '../../contract/src';
import { consoleSet } from './support/account';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { holdRequest } from './support/interleave';
import { login } from './support/users';

const root = { openid: 'o-root' };
/** More than either side ever makes: every position of both is tried. */
const MAX_REQUESTS = 8;

describe('a ban cannot be escaped (ADMIN_OPENIDS=o-root)', () => {
  let fx: FunctionsHarness;
  let rootToken: string;
  const ban = (openid: string) =>
    fx.call<AdminSetStatusResponse>(
      'adminUsers',
      { token: rootToken, action: 'setStatus', openid, status: 'disabled' },
      root,
    );

  beforeAll(async () => {
    fx = await startFunctions({ ADMIN_OPENIDS: 'o-root' });
    rootToken = (await login(fx, root)).token;
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('a disabled account cannot delete itself, with an old token or after a console ban', async () => {
    const banned = { openid: 'o-banned-by-admin' };
    const { token } = await login(fx, banned);
    dataOf(await ban(banned.openid));
    expect(errorOf(await fx.call('deleteAccount', { token }, banned)).code).toBe(
      'ACCOUNT_DISABLED',
    );
    const byHand = { openid: 'o-banned-by-hand' };
    const second = await login(fx, byHand);
    dataOf(await ban(byHand.openid));
    // Unbanned, a new token; then disabled again by hand in the console (no session revoked).
    dataOf(
      await fx.call(
        'adminUsers',
        { token: rootToken, action: 'setStatus', openid: byHand.openid, status: 'active' },
        root,
      ),
    );
    const fresh = await login(fx, byHand);
    await consoleSet(fx, 'users', { _id: `account:${byHand.openid}` }, { status: 'disabled' });
    for (const t of [second.token, fresh.token]) {
      const code = errorOf(await fx.call('deleteAccount', { token: t }, byHand)).code;
      expect(code).toBe('ACCOUNT_DISABLED');
    }
    for (const who of [banned, byHand]) {
      expect(await fx.documents('users', { _id: who.openid })).toHaveLength(1);
      expect(errorOf(await fx.call('login', {}, who)).code).toBe('ACCOUNT_DISABLED');
    }
  });

  async function race(openid: string, held: 'login' | 'adminUsers', nth: number) {
    const user = { openid };
    await login(fx, user);
    const hold = holdRequest(fx, held, nth);
    try {
      const first = held === 'login' ? fx.call<LoginResponse>('login', {}, user) : ban(openid);
      const wasHeld = await Promise.race([hold.reached, first.then(() => false)]);
      // The other side runs to its end while the held request waits.
      const second = held === 'login' ? ban(openid) : fx.call<LoginResponse>('login', {}, user);
      if (wasHeld) await second;
      hold.release();
      const [a, b] = await Promise.all([first, second]);
      const loginReply = held === 'login' ? a : b;
      return {
        wasHeld,
        loginReply: loginReply as Awaited<ReturnType<typeof fx.call<LoginResponse>>>,
      };
    } finally {
      hold.restore();
    }
  }

  test.each(['login', 'adminUsers'] as const)(
    'no interleaving of a ban and a login leaves a usable session (holding each %s request in turn)',
    async (held) => {
      let tried = 0;
      for (let nth = 1; nth <= MAX_REQUESTS; nth += 1) {
        const openid = `o-race-${held}-${nth}`;
        const { wasHeld, loginReply } = await race(openid, held, nth);
        if (!wasHeld) break;
        tried += 1;
        const user = { openid };
        if (loginReply.ok) {
          const check = await fx.call('checkSession', { token: loginReply.data.token }, user);
          expect({ nth, code: errorOf(check).code }).toEqual({ nth, code: 'ACCOUNT_DISABLED' });
        } else {
          expect(loginReply.error.code).toBe('ACCOUNT_DISABLED');
        }
        const sessions = await fx.documents<{ revokedAt: unknown }>('sessions', { openid });
        expect(sessions.filter((s) => s.revokedAt === null)).toEqual([]);
      }
      expect(tried).toBeGreaterThanOrEqual(2);
    },
  );
});
