import type { InvocationEvent } from '../../emulator/src';
import { dataOf, errorOf, startFunctions, type FunctionsHarness } from './support/harness';
import { login } from './support/users';

const alice = { openid: 'o-alice' };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (time: number): string => new Date(time).toISOString().replace('.000Z', 'Z');

/** The first 03:00 UTC+8 (19:00 UTC) after `time`. */
function next0300(time: number): number {
  const at = new Date(time);
  at.setUTCHours(19, 0, 0, 0);
  return at.getTime() > time ? at.getTime() : at.getTime() + DAY;
}

/** The cleanupSessions run its daily trigger makes for the 03:00 at `due`. */
function triggerRun(fx: FunctionsHarness, due: number): Promise<InvocationEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no trigger run for ${iso(due)}`)), 20_000);
    const listener = (event: InvocationEvent): void => {
      const timerEvent = event.event as { TriggerName?: string; Time?: string } | null;
      if (event.functionName !== 'cleanupSessions' || timerEvent?.Time !== iso(due)) return;
      clearTimeout(timer);
      fx.emulator.events.off('invocation', listener);
      resolve(event);
    };
    fx.emulator.events.on('invocation', listener);
  });
}

describe('cleanupSessions', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_CLEANUP_AFTER_DAYS: '0' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('on a fresh environment it deletes nothing and creates the collection', async () => {
    expect(dataOf(await fx.callWithoutOpenid('cleanupSessions', {}))).toMatchObject({ deleted: 0 });
  });
});

/**
 * The trigger of cloudbaserc.json (`daily`, `0 0 3 * * * *`) on the emulator's clock, with a
 * 12 h TTL and a 6 h retention (0.25 days) so that the whole story fits between two 03:00s
 * and only the trigger's own run at 03:00 can clean up.
 */
describe('cleanupSessions fired by its daily trigger at 03:00 UTC+8 (TTL 12 h, retention 6 h)', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions(
      {
        SESSION_TTL_SECONDS: String(12 * 3600),
        SESSION_RENEW_THRESHOLD_SECONDS: '0',
        SESSION_CLEANUP_AFTER_DAYS: '0.25',
      },
      { triggers: true },
    );
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('removes sessions expired or revoked longer ago than the retention, keeps the others', async () => {
    const { clock } = fx.emulator;
    const d0 = next0300(Date.now() + DAY);
    const d1 = d0 + DAY;
    // Jumping past d0 fires the trigger once, for d0 (nothing to delete yet).
    const first = triggerRun(fx, d0);
    clock.setOffset(d0 + 1000 - Date.now());
    expect((await first).result).toMatchObject({ ok: true, data: { deleted: 0 } });

    const expired = await login(fx, alice); // expires d0 + 12 h: past the retention at d1
    const revoked = await login(fx, alice);
    await fx.call('logout', { token: revoked.token, scope: 'current' }, alice);
    clock.setOffset(d1 - 13 * HOUR - Date.now());
    const recent = await login(fx, alice); // expires d1 - 1 h: expired, inside the retention
    clock.setOffset(d1 - 2 * HOUR - Date.now());
    const open = await login(fx, alice);
    expect(await fx.documents('sessions')).toHaveLength(4);

    // 300 ms before 03:00: the trigger's own timer fires it, with a timer event.
    const daily = triggerRun(fx, d1);
    clock.setOffset(d1 - 300 - Date.now());
    const run = await daily;
    expect(run.openid).toBe('');
    expect(run.event).toEqual({ Type: 'Timer', TriggerName: 'daily', Time: iso(d1), Message: '' });
    expect(run.result).toMatchObject({ ok: true, data: { deleted: 2 } });
    const left = await fx.documents<{ expiresAt: number }>('sessions');
    expect(left.map((s) => s.expiresAt).sort()).toEqual([recent.expiresAt, open.expiresAt].sort());
    expect(expired.expiresAt).toBeLessThan(d1 - 6 * HOUR);
  });
});

describe('cleanupSessions with the default 7 days', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('keeps a session revoked just now (not yet 7 days ago)', async () => {
    const { token } = await login(fx, alice);
    await fx.call('logout', { token, scope: 'current' }, alice);
    const result = dataOf(
      await fx.callWithoutOpenid<{ deleted: number; cutoff: number }>('cleanupSessions', {}),
    );
    expect(result.deleted).toBe(0);
    expect(result.cutoff).toBeLessThanOrEqual(Date.now() - 7 * 86_400_000);
    expect(await fx.documents('sessions', { revokedReason: 'logout' })).toHaveLength(1);
  });
});

describe('withSession: the whoami example', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('an app function behind the guard gets the user and the session', async () => {
    const { token, expiresAt } = await login(fx, alice);
    await fx.call('updateUserInfo', { token, profile: { nickName: '阿丽' } }, alice);
    const reply = await fx.call('whoami', { token, greeting: 'Hi' }, alice);
    expect(dataOf(reply)).toEqual({ greeting: 'Hi, 阿丽', expiresAt });
  });

  test('and the same errors as the built-in functions', async () => {
    const { token } = await login(fx, alice);
    expect(errorOf(await fx.call('whoami', { token }, { openid: 'o-eve' })).code).toBe(
      'SESSION_INVALID',
    );
    expect(errorOf(await fx.call('whoami', {}, alice)).details).toEqual({
      field: 'token',
      reason: 'missing',
    });
    expect(errorOf(await fx.call('whoami', { token, greeting: 1 }, alice)).details?.field).toBe(
      'greeting',
    );
    expect(errorOf(await fx.callWithoutOpenid('whoami', { token })).code).toBe('UNAUTHENTICATED');
  });
});

describe('INTERNAL: an unexpected failure', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions({ SESSION_TTL_SECONDS: 'seven days' });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test('answers INTERNAL with the request id only; the cause is in that request’s log', async () => {
    const seen: InvocationEvent[] = [];
    fx.emulator.events.on('invocation', (event) => seen.push(event));
    const { envelope, requestId } = await fx.callWithId('login', {}, alice);
    const error = errorOf(envelope);
    expect(error.code).toBe('INTERNAL');
    expect(error.details).toEqual({ requestId });
    expect(JSON.stringify(error)).not.toMatch(/SESSION_TTL_SECONDS|seven|Error|at /);
    const invocation = seen.find((event) => event.requestId === requestId);
    const log = JSON.stringify(invocation?.logs ?? []);
    expect(log).toContain(`requestId=${error.details?.requestId}`);
    expect(log).toContain('SESSION_TTL_SECONDS');
  });

  test.each(['checkSession', 'updateUserInfo', 'logout', 'whoami'])(
    '%s answers INTERNAL the same way',
    async (name) => {
      const token = 'c'.repeat(64);
      const reply = await fx.call(name, { token, scope: 'all', profile: { city: 'x' } }, alice);
      expect(errorOf(reply)).toEqual({
        code: 'INTERNAL',
        message: expect.any(String),
        details: { requestId: expect.any(String) },
      });
    },
  );

  test('cleanupSessions (trigger call) answers INTERNAL too', async () => {
    expect(errorOf(await fx.callWithoutOpenid('cleanupSessions', {})).code).toBe('INTERNAL');
  });
});
