import type { CheckSessionResponse, LoginResponse } from '../../contract/src';
import {
  dataOf,
  errorOf,
  startFunctions,
  type FunctionsHarness,
} from '../functions/support/harness';
import { login } from '../functions/support/users';

const carol = { openid: 'o-carol' };

describe('50 concurrent first logins of one OPENID (MAX_SESSIONS_PER_USER=100)', () => {
  let fx: FunctionsHarness;
  let results: LoginResponse[];
  beforeAll(async () => {
    fx = await startFunctions({ MAX_SESSIONS_PER_USER: '100' }, { timeoutSeconds: 60 });
    results = (
      await Promise.all(
        Array.from({ length: 50 }, () => fx.call<LoginResponse>('login', {}, carol)),
      )
    ).map(dataOf);
  }, 60_000);
  afterAll(async () => {
    await fx?.stop();
  });

  test('exactly one user document, loginCount exactly 50, exactly one isNewUser', async () => {
    const users = await fx.documents<{ loginCount: number }>('users');
    expect(users).toHaveLength(1);
    expect(users[0]!.loginCount).toBe(50);
    expect(results.filter((r) => r.isNewUser)).toHaveLength(1);
  });

  test('50 distinct tokens, 50 stored sessions, every one valid', async () => {
    expect(new Set(results.map((r) => r.token)).size).toBe(50);
    expect(await fx.documents('sessions', { openid: carol.openid, revokedAt: null })).toHaveLength(
      50,
    );
    // Checked one after another: one warm checkSession instance instead of 50 more processes.
    let valid = 0;
    for (const r of results) {
      const check = await fx.call<CheckSessionResponse>('checkSession', { token: r.token }, carol);
      if (check.ok) valid += 1;
    }
    expect(valid).toBe(50);
  }, 60_000);
});

describe('concurrent logins with the default cap (10)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({}, { timeoutSeconds: 60 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('the cap holds again after the next login (concurrent logins may briefly exceed it)', async () => {
    const dave = { openid: 'o-dave' };
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => fx.call<LoginResponse>('login', {}, dave)),
    );
    // A login whose session a concurrent one evicted before it answered hands out no token
    // (which ones: up to the machine; the interleavings themselves are in cap-race.test.ts).
    for (const reply of replies.filter((r) => !r.ok)) {
      expect(errorOf(reply)).toMatchObject({
        code: 'RATE_LIMITED',
        details: { reason: 'evicted' },
      });
    }
    await login(fx, dave);
    const open = await fx.documents<{ _id: string }>('sessions', {
      openid: dave.openid,
      revokedAt: null,
    });
    expect(open).toHaveLength(10);
    const [user] = await fx.documents<{ loginCount: number; activeSessions: object }>('users', {
      _id: dave.openid,
    });
    expect(Object.keys(user!.activeSessions).sort()).toEqual(open.map((s) => s._id).sort());
    // Every attempt counted, an evicted one too: its user update had landed.
    expect(user!.loginCount).toBe(21);
  }, 60_000);
});
